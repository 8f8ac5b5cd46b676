package dev.switchboard.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one table of commands: help, topic help and the usage line of every error come from here. */
public final class CommandTable {

  static final String HELP = "help";
  static final String INTERCEPT = "intercept";
  static final String INTERCEPT_STATUS = "intercept status";
  static final String TIMED_INTERCEPT = "timed intercept";
  static final String SCHEDULES = "schedules";
  static final String EXTEND = "extend";
  static final String CANCEL_SCHEDULE = "cancel schedule";
  static final String PRESETS = "presets";
  static final String TRANSFER_NUMBERS = "transfer numbers";
  static final String SET_TRANSFER_NUMBER = "set transfer number";
  static final String CLEAR_TRANSFER_NUMBER = "clear transfer number";
  static final String CUSTOM_TRANSFER_NUMBERS = "custom transfer numbers";
  /** The help topic of every transfer-number command: show, set, clear, custom on/off. */
  static final String TRANSFER = "transfer";
  static final String LOCATIONS = "locations";
  static final String HISTORY = "history";
  static final String UNDO = "undo";
  static final String WHOAMI = "whoami";
  static final String CONFIRM = "confirm";
  static final String CANCEL = "cancel";

  /** The usage of a line that is no command at all. */
  static final String HELP_POINTER = "Type `help` to see what I can do.";

  /** The intercept options, shown by {@code help intercept} and named by option errors: one screen with it. */
  static final String INTERCEPT_OPTIONS = """
      Options go after the locations, in any order; what you don't name keeps its value (with `intercept off` too):
      - `voicemail` / `no voicemail`: intercepted calls go to voicemail
      - `announce <number>` / `announce off`: tell callers a new number
      - `zero <number>` / `zero off`: where callers go when they press 0
      - `inbound intercept-all` / `inbound allow-all`: intercept incoming calls, or let them all through
      - `outbound local-only` / `outbound intercept-all`: which outgoing calls are held (`outbound allow` means \
      `local-only`, the most Webex lets through)
      - `outbound to <number>` / `outbound to off`: transfer intercepted outgoing calls to a number""";

  /** How times are read, shown by {@code help timed intercept}. */
  static final String TIMES = """
      Times are read in each location's own time zone unless you name one (`17:00 ET`, `17:00 UTC`, `17:00 Europe/London`); with several locations, each gets its own local time and the preview shows it.
      - spans: `for 2h`, `for 90m`, `for two hours`, `for 3d`, `for 1h30m` (days are calendar days: the same time of day)
      - times: `until 17:00`, `until 5pm`, `until tomorrow 8am`, `until 8 tomorrow`, `until Mon 08:00`, `until Dec 24 6pm`, `until 2026-12-24 18:00`; a time without a day is today's (a time that has passed is refused: say `tomorrow`); `03/04` is asked about, not guessed
      - day parts: morning 08:00, noon 12:00, afternoon 13:00, end of day (`eod`, close of business) 17:00, evening and tonight 18:00; `until midnight`, `until noon` and `until morning` are the coming ones; a day alone as an end (`until Monday`) is 08:00 that day
      - periods: `over the weekend` is Fri 18:00 (or now, during a weekend) until Mon 08:00; `tonight` is 18:00 (or now, at night) until 08:00
      - a later start: `at 17:00`, `in 30m`, `from Thu 18:00 until Mon 08:00`, `from Fri 18:00 for 3d`
      At the end, each location goes back to exactly what it was before, unless someone changed it in between: then it is left alone and the thread is told who. 15 minutes before, the thread gets a reminder with the line to extend it. `schedules` lists what is planned; `extend` and `cancel schedule` change it.""";

  /** What the words mean, for "what is …?" and "explain …": shown first in the help on their topic. */
  static final java.util.Map<String, String> GLOSSARY = java.util.Map.of(
      INTERCEPT, "Call intercept stops a location's calls from ringing: callers hear an announcement (and, if set, "
          + "a new number to call), may press 0 to reach someone, or go to voicemail; outgoing calls can be held too.",
      TRANSFER_NUMBERS, "A person's auto transfer numbers 1, 2 and 3 are where their outgoing calls go when their "
          + "calling permissions say \"transfer to number 1\" (or 2, or 3) for a type of call.",
      CUSTOM_TRANSFER_NUMBERS, "With custom transfer numbers on, a person's own numbers 1-3 are used; off, the "
          + "location's are.");

  /**
   * A line of {@code help}: a topic, what it is about, and the commands {@code help <topic>} explains. Every
   * command belongs to one topic, so the short list names them all.
   */
  public record Topic(String name, String line, List<String> specs) {
    public Topic {
      specs = List.copyOf(specs);
    }
  }

  private static final List<Topic> TOPICS = List.of(
      new Topic(INTERCEPT, "on or off at a location, several, or `all`, with options", List.of(INTERCEPT)),
      new Topic(INTERCEPT_STATUS, "what is on, at one location or `all`", List.of(INTERCEPT_STATUS)),
      new Topic(TIMED_INTERCEPT, "for a while or later: `for 2h`, `until 17:00`, `from Fri 18:00`",
          List.of(TIMED_INTERCEPT)),
      new Topic(SCHEDULES, "what is planned; `extend`, `cancel schedule`, `presets`",
          List.of(SCHEDULES, EXTEND, CANCEL_SCHEDULE, PRESETS)),
      new Topic(TRANSFER, "a person's auto transfer numbers; set, clear, custom on/off",
          List.of(TRANSFER_NUMBERS, SET_TRANSFER_NUMBER, CLEAR_TRANSFER_NUMBER, CUSTOM_TRANSFER_NUMBERS)),
      new Topic(LOCATIONS, "the calling locations", List.of(LOCATIONS)),
      new Topic(HISTORY, "recent changes made through Switchboard", List.of(HISTORY)),
      new Topic(UNDO, "take back your own last change", List.of(UNDO)),
      new Topic(WHOAMI, "who you are to Switchboard and what you may run", List.of(WHOAMI)),
      new Topic(CONFIRM, "`yes` or `cancel` answers a preview", List.of(CONFIRM, CANCEL)));

  private static final List<CommandSpec> SPECS = List.of(
      new CommandSpec(HELP, "`help` or `help <topic>`",
          "Lists the commands, or explains one with examples.",
          List.of("help", "help intercept", "help transfer"), Access.ANYONE),
      new CommandSpec(INTERCEPT,
          "`intercept on|off at <location>[, <location> and <location>] [options]`, or `at all` for every location",
          "Turns call intercept on or off. One location changes at once; several, or all, show a preview to confirm.",
          List.of("intercept on at HQ", "intercept off at HQ, Austin", "turn on intercept at Austin and Denver",
              "intercept on at HQ voicemail announce +12147691003 zero +12147691005 outbound local-only "
                  + "outbound to +12147691007",
              "intercept off at all"),
          Access.CHANGE_INTERCEPT),
      new CommandSpec(INTERCEPT_STATUS, "`intercept status [at <location>[, <location> and <location>] | at all]`",
          "Shows the intercept settings of the locations named, or of every location.",
          List.of("intercept status at HQ", "intercept status at all", "intercept HQ?", "is intercept on at Austin?"),
          Access.READ_INTERCEPT),
      new CommandSpec(TIMED_INTERCEPT,
          "`intercept on|off at <locations> [options] [preset <name>] for <span>|until <time>`, "
              + "`... from <time> until <time>` or `... at <time>`",
          "Turns intercept on or off for a while, or later, and back to exactly how it was at the end.",
          List.of("intercept on at HQ for 2h", "intercept on at HQ until 17:00", "intercept on at HQ until tomorrow 8am",
              "intercept on at Austin, Denver from Thu 18:00 until Mon 08:00", "intercept off at HQ at 17:00",
              "intercept on at London until 17:00 UTC", "intercept on at all preset storm for 3d"),
          Access.CHANGE_INTERCEPT),
      new CommandSpec(SCHEDULES, "`schedules [location]`",
          "Lists the planned intercept changes: what, where, who asked, and when they run.",
          List.of("schedules", "schedules HQ"), Access.READ_INTERCEPT),
      new CommandSpec(EXTEND, "`extend <location> by <span>`, `extend schedule <n> by <span>` or `extend <location> "
              + "until <time>`",
          "Moves the planned end of a timed intercept later (or earlier). Without a location or number (`extend it "
              + "by 1h`) it is your one plan; with several, I ask which.",
          List.of("extend HQ by 1h", "extend schedule 3 by 30m", "extend HQ until 18:00", "extend it by 1h"),
          Access.CHANGE_INTERCEPT),
      new CommandSpec(CANCEL_SCHEDULE, "`cancel schedule <n>`",
          "Drops what a schedule still has to do; what it already changed stays as it is. `cancel my schedule` is "
              + "your one plan; with several, I ask which.",
          List.of("cancel schedule 3", "cancel schedule at HQ"), Access.CHANGE_INTERCEPT),
      new CommandSpec(PRESETS, "`presets`",
          "Lists the intercept presets of the policy file, for `intercept on at <location> preset <name>`.",
          List.of("presets"), Access.READ_INTERCEPT),
      new CommandSpec(TRANSFER_NUMBERS, "`transfer numbers for <email or name>`",
          "Shows a person's three auto transfer numbers and whether their custom numbers are used.",
          List.of("transfer numbers for alice@example.com", "transfer numbers for Alice Smith"),
          Access.READ_TRANSFER),
      new CommandSpec(SET_TRANSFER_NUMBER, "`set transfer number <1-3> for <email or name> to <number>`",
          "Sets one of a person's three auto transfer numbers.",
          List.of("set transfer number 2 for alice@example.com to +12055553651"), Access.CHANGE_TRANSFER),
      new CommandSpec(CLEAR_TRANSFER_NUMBER, "`clear transfer number <1-3> for <email or name>`",
          "Clears one of a person's three auto transfer numbers.",
          List.of("clear transfer number 2 for alice@example.com"), Access.CHANGE_TRANSFER),
      new CommandSpec(CUSTOM_TRANSFER_NUMBERS, "`custom transfer numbers on|off for <email or name>`",
          "Switches whether a person's own transfer numbers are used.",
          List.of("custom transfer numbers off for alice@example.com", "custom transfer numbers on for Alice Smith"),
          Access.CHANGE_TRANSFER),
      new CommandSpec(LOCATIONS, "`locations [filter]`",
          "Lists the calling locations, or those whose name contains the filter.",
          List.of("locations", "locations aus"), Access.READ_LOCATIONS),
      new CommandSpec(HISTORY, "`history [location or person]`",
          "Shows recent changes made through Switchboard: everywhere, at one location, or to or by one person.",
          List.of("history", "history HQ", "history bob@example.com"), Access.READ_HISTORY),
      new CommandSpec(UNDO, "`undo`",
          "Takes back your own last change, unless someone changed it since.",
          List.of("undo"), Access.OWN_CHANGE),
      new CommandSpec(WHOAMI, "`whoami`",
          "Shows who you are to Switchboard and what you may run.",
          List.of("whoami"), Access.ANYONE),
      new CommandSpec(CONFIRM, "`yes`",
          "Goes ahead with the change waiting for your confirmation (for 2 minutes).",
          List.of("yes"), Access.PENDING_REQUESTER),
      new CommandSpec(CANCEL, "`cancel`",
          "Drops the change waiting for your confirmation.",
          List.of("cancel"), Access.PENDING_REQUESTER));

  private CommandTable() {}

  /** Every command, in the order help lists them. */
  public static List<CommandSpec> all() {
    return SPECS;
  }

  /** The topics {@code help} lists, in order. */
  public static List<Topic> topics() {
    return TOPICS;
  }

  private static final Pattern RUNS_OF_SPACE = Pattern.compile("\\s+");

  /** The spec named {@code name} exactly (case and spacing aside), e.g. {@code intercept status}. */
  public static Optional<CommandSpec> topic(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = RUNS_OF_SPACE.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    return SPECS.stream().filter(spec -> spec.topic().equals(wanted)).findFirst();
  }

  /** The spec of a topic known to exist. */
  static CommandSpec spec(String topic) {
    return topic(topic).orElseThrow(() -> new IllegalStateException("No such topic in the table: " + topic));
  }

  static String usage(String topic) {
    return spec(topic).usage();
  }
}
