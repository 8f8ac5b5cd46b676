package dev.switchboard.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one table of commands: help, topic help and the usage line of every error come from here. */
public final class CommandTable {

  static final String HELP = "help";
  static final String INTERCEPT = "intercept";
  static final String INTERCEPT_STATUS = "intercept status";
  static final String TRANSFER_NUMBERS = "transfer numbers";
  static final String SET_TRANSFER_NUMBER = "set transfer number";
  static final String CLEAR_TRANSFER_NUMBER = "clear transfer number";
  static final String CUSTOM_TRANSFER_NUMBERS = "custom transfer numbers";
  static final String LOCATIONS = "locations";
  static final String HISTORY = "history";
  static final String UNDO = "undo";
  static final String WHOAMI = "whoami";
  static final String CONFIRM = "confirm";
  static final String CANCEL = "cancel";

  /** The usage of a line that is no command at all. */
  static final String HELP_POINTER = "Type `help` to see what I can do.";

  /** The intercept options, shown by {@code help intercept} and named by option errors. */
  static final String INTERCEPT_OPTIONS = """
      Options go after the locations, in any order; a setting you don't name keeps its value:
      - `voicemail` / `no voicemail`: send intercepted calls to voicemail
      - `announce <number>` / `announce off`: tell callers a new number
      - `zero <number>` / `zero off`: where callers go when they press 0
      - `outbound local-only` / `outbound intercept-all`: which outgoing calls are intercepted \
      (`outbound allow` means `local-only`, the most Webex lets through while a location is intercepted)
      - `outbound to <number>` / `outbound to off`: transfer intercepted outgoing calls to a number
      - `inbound intercept-all` / `inbound allow-all`: intercept incoming calls, or let them all through
      Options work with `intercept off` too: they are saved for the next time intercept is on.""";

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
      new CommandSpec(HISTORY, "`history [location]`",
          "Shows recent changes made through Switchboard, everywhere or at one location.",
          List.of("history", "history HQ"), Access.READ_HISTORY),
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

  /** The spec named {@code name} exactly (case and spacing aside), e.g. {@code intercept status}. */
  public static Optional<CommandSpec> topic(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return SPECS.stream().filter(spec -> spec.topic().equals(wanted)).findFirst();
  }

  /**
   * The spec a command belongs to. {@link Command.Invalid} belongs to its topic; {@link Command.Unknown} to
   * {@code help} (it needs nothing to be answered).
   */
  public static CommandSpec specOf(Command command) {
    return spec(topicOf(command));
  }

  static String topicOf(Command command) {
    if (command instanceof Command.Help || command instanceof Command.Unknown) {
      return HELP;
    } else if (command instanceof Command.InterceptChange) {
      return INTERCEPT;
    } else if (command instanceof Command.InterceptStatus) {
      return INTERCEPT_STATUS;
    } else if (command instanceof Command.ShowTransferNumbers) {
      return TRANSFER_NUMBERS;
    } else if (command instanceof Command.SetTransferNumber) {
      return SET_TRANSFER_NUMBER;
    } else if (command instanceof Command.ClearTransferNumber) {
      return CLEAR_TRANSFER_NUMBER;
    } else if (command instanceof Command.CustomTransferNumbers) {
      return CUSTOM_TRANSFER_NUMBERS;
    } else if (command instanceof Command.ListLocations) {
      return LOCATIONS;
    } else if (command instanceof Command.History) {
      return HISTORY;
    } else if (command instanceof Command.Undo) {
      return UNDO;
    } else if (command instanceof Command.WhoAmI) {
      return WHOAMI;
    } else if (command instanceof Command.Confirm) {
      return CONFIRM;
    } else if (command instanceof Command.Cancel) {
      return CANCEL;
    } else if (command instanceof Command.Invalid invalid) {
      return topic(invalid.topic()).map(CommandSpec::topic).orElse(HELP);
    }
    throw new IllegalArgumentException("No spec for " + command);
  }

  /** The spec of a topic known to exist. */
  static CommandSpec spec(String topic) {
    return topic(topic).orElseThrow(() -> new IllegalStateException("No such topic in the table: " + topic));
  }

  static String usage(String topic) {
    return spec(topic).usage();
  }
}
