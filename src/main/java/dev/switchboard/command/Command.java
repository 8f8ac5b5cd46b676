package dev.switchboard.command;

import java.util.Objects;

/** What a chat line asks for; {@link CommandParser} makes one from text. Bad input is a value, not an exception. */
public sealed interface Command {

  /**
   * The row of {@link CommandTable} this command belongs to: its topic, usage and the access it needs. Every command
   * names its own, so a new command cannot compile without one.
   */
  CommandSpec spec();

  /** {@code help} or {@code help <topic>}; {@code topic} is null for the overview, else a known topic, lower-case. */
  record Help(String topic) implements Command {
    public Help {
      topic = blankToNull(topic);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.HELP);
    }
  }

  /** A greeting ("hi") or thanks: answered in a line or two, pointing to {@code help}. */
  record Hello(boolean thanks) implements Command {
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.HELP);
    }
  }

  /**
   * Turn intercept on or off, changing also the settings named in {@code options} and those of the policy's
   * {@code preset} (null: none; options named on the line win). {@code timing} null means now, for good;
   * otherwise the change happens at its start and is taken back at its end.
   */
  record InterceptChange(boolean enable, LocationTarget target, InterceptOptions options, String preset,
      Timing timing) implements Command {
    public InterceptChange {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(options, "options");
      preset = blankToNull(preset);
    }

    /** A change now, for good, without a preset. */
    public InterceptChange(boolean enable, LocationTarget target, InterceptOptions options) {
      this(enable, target, options, null, null);
    }

    /** The same change without its preset, its options now {@code options}. */
    public InterceptChange withOptions(InterceptOptions options) {
      return new InterceptChange(enable, target, options, null, timing);
    }

    /** A change with a time is a {@code timed intercept}; one now, for good, an {@code intercept}. */
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(timing != null ? CommandTable.TIMED_INTERCEPT : CommandTable.INTERCEPT);
    }
  }

  /**
   * Show the intercept settings; a bare {@code intercept status} is {@link LocationTarget.All}. {@code onlyOn}: the
   * question was where it is on ("which sites have intercept on?"), so a list of several shows only those.
   */
  record InterceptStatus(LocationTarget target, boolean onlyOn) implements Command {
    public InterceptStatus {
      Objects.requireNonNull(target, "target");
    }

    public InterceptStatus(LocationTarget target) {
      this(target, false);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.INTERCEPT_STATUS);
    }
  }

  /**
   * Show the three transfer numbers of one person, or of each of several ({@code transfer numbers for alice and
   * bob}), and whether custom ones are used.
   */
  record ShowTransferNumbers(java.util.List<PersonRef> people) implements Command {
    public ShowTransferNumbers {
      people = java.util.List.copyOf(people);
      if (people.isEmpty()) throw new IllegalArgumentException("Show the transfer numbers of at least one person");
    }

    public ShowTransferNumbers(PersonRef person) {
      this(java.util.List.of(Objects.requireNonNull(person, "person")));
    }

    /** The first (usually the only) person named. */
    public PersonRef person() {
      return people.get(0);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.TRANSFER_NUMBERS);
    }
  }

  /**
   * Where a person's outgoing calls go and why: which call types their outgoing permissions send to transfer number
   * 1, 2 or 3, the numbers that apply (custom or the location's) and whether each comes from the person or their
   * location. {@code callTypes} holds the Calling spec's {@code callType} values asked about ("why does alice's
   * international call ..."); empty asks for the full table.
   */
  record ExplainTransferNumbers(PersonRef person, java.util.Set<String> callTypes) implements Command {
    public ExplainTransferNumbers {
      Objects.requireNonNull(person, "person");
      callTypes = callTypes == null ? java.util.Set.of() : java.util.Set.copyOf(callTypes);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.TRANSFER_NUMBERS);
    }
  }

  /** Set transfer number {@code slot} (1 to 3) of a person. */
  record SetTransferNumber(PersonRef person, int slot, DialString number) implements Command {
    public SetTransferNumber {
      Objects.requireNonNull(person, "person");
      Objects.requireNonNull(number, "number");
      checkSlot(slot);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.SET_TRANSFER_NUMBER);
    }
  }

  /** Clear transfer number {@code slot} (1 to 3) of a person. */
  record ClearTransferNumber(PersonRef person, int slot) implements Command {
    public ClearTransferNumber {
      Objects.requireNonNull(person, "person");
      checkSlot(slot);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.CLEAR_TRANSFER_NUMBER);
    }
  }

  /** Switch a person's custom transfer numbers on or off. */
  record CustomTransferNumbers(PersonRef person, boolean enabled) implements Command {
    public CustomTransferNumbers {
      Objects.requireNonNull(person, "person");
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.CUSTOM_TRANSFER_NUMBERS);
    }
  }

  /** List the calling locations, optionally only those whose name contains {@code filter} (null: all). */
  record ListLocations(String filter) implements Command {
    public ListLocations {
      filter = blankToNull(filter);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.LOCATIONS);
    }
  }

  /** Take back the requester's own last change. */
  record Undo() implements Command {
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.UNDO);
    }
  }

  /** Show recent changes, optionally at one location (null: every location the requester may see). */
  record History(String location) implements Command {
    public History {
      location = blankToNull(location);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.HISTORY);
    }
  }

  /** List what is planned, optionally only at one location (null: every location the requester may see). */
  record ListSchedules(String location) implements Command {
    public ListSchedules {
      location = blankToNull(location);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.SCHEDULES);
    }
  }

  /** Move the end of a schedule: later by {@code by}, or to {@code until}; exactly one of the two is set. */
  record ExtendSchedule(ScheduleRef schedule, java.time.Duration by, Timing.Moment.At until) implements Command {
    public ExtendSchedule {
      Objects.requireNonNull(schedule, "schedule");
      if ((by == null) == (until == null)) {
        throw new IllegalArgumentException("Extend by a span or until a time, not both or neither");
      }
      if (by != null && (by.isZero() || by.isNegative())) {
        throw new IllegalArgumentException("Extend by a positive span, not " + by);
      }
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.EXTEND);
    }
  }

  /** Drop what a schedule still has to do; what it already changed stays as it is. */
  record CancelSchedule(ScheduleRef schedule) implements Command {
    public CancelSchedule {
      Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.CANCEL_SCHEDULE);
    }
  }

  /** List the intercept presets of the policy file. */
  record ListPresets() implements Command {
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.PRESETS);
    }
  }

  /** Say who the requester is to the bot and what they may run. */
  record WhoAmI() implements Command {
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.WHOAMI);
    }
  }

  /**
   * Go ahead with the requester's pending change; {@code choice} (nullable) is the number picked from an offer of
   * numbered choices ("reply 1 or 2"), which {@code yes} alone does not answer.
   */
  record Confirm(Integer choice) implements Command {
    public Confirm {
      if (choice != null && choice < 1) throw new IllegalArgumentException("Choices are numbered from 1: " + choice);
    }

    /** A plain {@code yes}. */
    public Confirm() {
      this(null);
    }

    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.CONFIRM);
    }
  }

  /** Drop the requester's pending change. */
  record Cancel() implements Command {
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.CANCEL);
    }
  }

  /**
   * "make it 2 hours", "actually until 6pm": the asker's last timed intercept change here, with this time instead
   * ({@code timing} as the grammar reads it: "for 2 hours", "until 6pm"). It is offered for yes, never run as said.
   */
  record Retime(String timing) implements Command {
    public Retime {
      timing = blankToNull(timing);
      Objects.requireNonNull(timing, "timing");
    }

    /** Answering it needs nothing; the change it stands for is authorized as if typed. */
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.HELP);
    }
  }

  /**
   * "same for Denver", "Austin too", "what about bob?": the asker's last command about one location or one person,
   * about {@code name} instead. What it stands for is worked out when it is answered; a change is offered for yes.
   * Said as a correction ({@code instead}), the offer says that the first change stays, and how to put it back.
   */
  record Again(String name, boolean instead) implements Command {
    public Again {
      name = blankToNull(name);
      Objects.requireNonNull(name, "name");
    }

    /** "same for Denver": as well as the last one ({@code instead} is "I meant Denver"). */
    public Again(String name) {
      this(name, false);
    }

    /** Answering it needs nothing; the command it stands for is authorized as if typed. */
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.HELP);
    }
  }

  /**
   * A line that is no command; {@code suggestion} is a whole command line to try (nullable) and {@code usage}
   * that command's usage, or a pointer to {@code help}. {@code offer}: the line was understood, as a change that is
   * only asked about ("can I turn intercept on at HQ?") or a situation ("HQ is flooded"), so the suggestion is what
   * it means rather than a correction of a typo.
   */
  record Unknown(String text, String suggestion, String usage, boolean offer) implements Command {
    public Unknown {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(usage, "usage");
      suggestion = blankToNull(suggestion);
      if (offer && suggestion == null) throw new IllegalArgumentException("An offer needs a line to offer");
    }

    public Unknown(String text, String suggestion, String usage) {
      this(text, suggestion, usage, false);
    }

    /** The line understood as {@code line}, a change not to be run as said: offered for yes. */
    static Unknown offering(String text, String line, String usage) {
      return new Unknown(text, line, usage, true);
    }

    /** {@code help}: answering it needs nothing. */
    @Override
    public CommandSpec spec() {
      return CommandTable.spec(CommandTable.HELP);
    }

    /** A reply in light markdown, e.g. "I don't know `interecpt HQ`. Did you mean `intercept HQ?`?". */
    public String message() {
      String said = text.isBlank() ? "that" : "`" + text + "`";
      return suggestion == null
          ? "I don't know " + said + ". " + usage
          : "I don't know " + said + ". Did you mean `" + suggestion + "`?\nUsage: " + usage;
    }
  }

  /**
   * A line that names a command but gets it wrong; {@code problem} is a sentence saying what is wrong and
   * {@code usage} the usage line(s) of {@code topic} from the table.
   */
  record Invalid(String topic, String problem, String usage) implements Command {
    public Invalid {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(usage, "usage");
    }

    /** A reply in light markdown: the problem, then the usage. */
    public String message() {
      return problem + "\nUsage: " + usage;
    }

    /** The row of its topic; {@code help} when the topic is none of the table's. */
    @Override
    public CommandSpec spec() {
      return CommandTable.topic(topic).orElseGet(() -> CommandTable.spec(CommandTable.HELP));
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static void checkSlot(int slot) {
    if (slot < 1 || slot > 3) {
      throw new IllegalArgumentException("Transfer numbers are 1, 2 and 3, not " + slot);
    }
  }
}
