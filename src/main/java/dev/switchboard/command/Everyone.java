package dev.switchboard.command;

import java.util.List;
import java.util.regex.Pattern;

/**
 * "set transfer number 1 for all to +1…", "transfer numbers for everyone at HQ": transfer numbers are one person's,
 * and "all" as a name once matched whoever has it inside theirs ("Allison"), whose number was then changed.
 */
final class Everyone {

  private static final Pattern EVERYONE = Pattern.compile("(?i)(?:all|everyone|everybody|every\\s+(?:user|person|one)"
      + "|all\\s+(?:users|people|staff|employees|of\\s+them|the\\s+users|the\\s+people)|the\\s+whole\\s+(?:team|office))"
      + "(?:\\s+(?:at|in|from|of)\\s+.+)?");

  private Everyone() {}

  /** {@code command} itself, or a refusal when the person it names is everyone. */
  static Command oneAtATime(Command command) {
    List<PersonRef> people = List.of();
    if (command instanceof Command.ShowTransferNumbers show) people = show.people();
    if (command instanceof Command.SetTransferNumber set) people = List.of(set.person());
    if (command instanceof Command.ClearTransferNumber clear) people = List.of(clear.person());
    if (command instanceof Command.CustomTransferNumbers custom) people = List.of(custom.person());
    if (command instanceof Command.ExplainTransferNumbers explain) people = List.of(explain.person());
    if (people.stream().noneMatch(p -> EVERYONE.matcher(p.query()).matches())) return command;
    String topic = command.spec().topic();
    String example = command instanceof Command.SetTransferNumber ? "set transfer number 1 for alice@example.com to "
        + "+12055553651" : command instanceof Command.ClearTransferNumber ? "clear transfer number 1 for alice@example.com"
        : command instanceof Command.CustomTransferNumbers ? "custom transfer numbers off for alice@example.com"
        : "transfer numbers for alice@example.com";
    return new Command.Invalid(topic, "Transfer numbers are one person's: name the person, by email or name, as in `"
        + example + "`.", CommandTable.usage(topic));
  }
}
