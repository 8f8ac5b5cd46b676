package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.command.Command.Cancel;
import dev.switchboard.command.Command.ClearTransferNumber;
import dev.switchboard.command.Command.Confirm;
import dev.switchboard.command.Command.CustomTransferNumbers;
import dev.switchboard.command.Command.Help;
import dev.switchboard.command.Command.History;
import dev.switchboard.command.Command.InterceptChange;
import dev.switchboard.command.Command.InterceptStatus;
import dev.switchboard.command.Command.Invalid;
import dev.switchboard.command.Command.ListLocations;
import dev.switchboard.command.Command.SetTransferNumber;
import dev.switchboard.command.Command.ShowTransferNumbers;
import dev.switchboard.command.Command.Undo;
import dev.switchboard.command.Command.Unknown;
import dev.switchboard.command.Command.WhoAmI;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class CommandParserTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");
  private static final NumberOption OFF = new NumberOption.Off();
  private static final LocationTarget ALL = new LocationTarget.All();
  private static final String FULL_EXAMPLE = "intercept on at HQ voicemail announce +12147691003 zero +12147691005 "
      + "outbound local-only outbound to +12147691007";

  static Stream<Arguments> phrasings() {
    return Stream.of(
        // intercept on/off: verbs, word orders, prepositions
        arguments("intercept on at HQ", on("HQ")),
        arguments("intercept off at HQ", off("HQ")),
        arguments("intercept off at HQ, Austin", off("HQ", "Austin")),
        arguments("intercept on at HQ, Austin and Denver", on("HQ", "Austin", "Denver")),
        arguments("intercept on at HQ,Austin,Denver", on("HQ", "Austin", "Denver")),
        arguments("intercept on at HQ & Austin", on("HQ", "Austin")),
        arguments("intercept on at HQ and HQ and hq", on("HQ")),
        arguments("intercept on at all", on(ALL)),
        arguments("intercept off at all locations", off(ALL)),
        arguments("intercept off everywhere", off(ALL)),
        arguments("intercept on for every location", on(ALL)),
        arguments("turn on intercept at HQ", on("HQ")),
        arguments("turn intercept on for HQ", on("HQ")),
        arguments("turn intercept off at HQ", off("HQ")),
        arguments("turn off the intercept at HQ", off("HQ")),
        arguments("enable intercept in Austin", on("Austin")),
        arguments("disable intercept at HQ", off("HQ")),
        arguments("disable intercept on HQ", off("HQ")),
        arguments("activate intercept at Denver", on("Denver")),
        arguments("deactivate intercept at Denver", off("Denver")),
        arguments("switch off intercept at hq", off("hq")),
        arguments("switch intercept on at HQ", on("HQ")),
        arguments("intercept HQ on", on("HQ")),
        arguments("intercept HQ off", off("HQ")),
        arguments("intercept at HQ on", on("HQ")),
        arguments("intercept off HQ", off("HQ")),
        arguments("intercept enable at HQ", on("HQ")),
        arguments("intercept disabled for Austin", off("Austin")),
        arguments("start intercepting HQ", on("HQ")),
        arguments("stop intercepting HQ", off("HQ")),
        arguments("call intercept on at HQ", on("HQ")),
        arguments("intercept on @HQ", on("HQ")),
        arguments("intercept on @ HQ", on("HQ")),
        arguments("intercept on in New York", on("New York")),
        arguments("intercept on at HQ-East, New York and Site 001", on("HQ-East", "New York", "Site 001")),
        arguments("intercept on at \"Zero Street\"", on("Zero Street")),
        arguments("intercept on at \"Research and Development\", Austin", on("Research and Development", "Austin")),
        arguments("intercept on at turn off the Drop Off", on("turn off the Drop Off")),
        // tolerance: case, spaces, punctuation, politeness, mentions, Unicode
        arguments("Intercept   ON   at   hq.", on("hq")),
        arguments("INTERCEPT ON AT HQ!", on("HQ")),
        arguments("please intercept off at HQ, thanks", off("HQ")),
        arguments("pls intercept on at HQ", on("HQ")),
        arguments("intercept on please at HQ", on("HQ")),
        arguments("could you turn off intercept for Austin?", off("Austin")),
        arguments("can you please enable intercept at HQ", on("HQ")),
        arguments("@Switchboard intercept on at HQ please", on("HQ")),
        arguments("Switchboard intercept on at HQ", on("HQ")),
        arguments("switchboard: intercept on at HQ", on("HQ")),
        arguments("Switchboard, intercept on at HQ", on("HQ")),
        arguments("@SwitchboardBot intercept on at HQ", on("HQ")),
        arguments("Switchboard: Intercept ON at \u201cHQ\u201d!", on("HQ")),
        arguments("intercept\u00a0on\u00a0at\u00a0HQ", on("HQ")),
        arguments("intercept on at HQ\u2013East", on("HQ-East")),
        arguments("intercept on at HQ \u2014 voicemail", on(named("HQ"), options(true, null, null, null, null, null))),
        arguments("intercept on at HQ. voicemail", on(named("HQ"), options(true, null, null, null, null, null))),
        arguments("intercept on at Acme Inc.", on("Acme Inc")),
        arguments("intercept on at St. Louis", on("St. Louis")),
        arguments("`intercept on at HQ`", on("HQ")),
        // options
        arguments(FULL_EXAMPLE, on(named("HQ"), options(true, to("+12147691003"), to("+12147691005"),
            OutboundType.LOCAL_ONLY, to("+12147691007"), null))),
        arguments("intercept on at HQ voicemail", on(named("HQ"), options(true, null, null, null, null, null))),
        arguments("intercept on at HQ with voicemail", on(named("HQ"), options(true, null, null, null, null, null))),
        arguments("intercept on at HQ no voicemail", on(named("HQ"), options(false, null, null, null, null, null))),
        arguments("intercept on at HQ voicemail off", on(named("HQ"), options(false, null, null, null, null, null))),
        arguments("intercept on at HQ without voicemail",
            on(named("HQ"), options(false, null, null, null, null, null))),
        arguments("intercept on at HQ voicemail voicemail",
            on(named("HQ"), options(true, null, null, null, null, null))),
        arguments("intercept on at HQ announce off zero off",
            on(named("HQ"), options(null, OFF, OFF, null, null, null))),
        arguments("intercept on at HQ announce +1 (214) 769-1003 voicemail",
            on(named("HQ"), options(true, to("+1 (214) 769-1003"), null, null, null, null))),
        arguments("intercept on at HQ zero transfer to 214-769-1005",
            on(named("HQ"), options(null, null, to("214-769-1005"), null, null, null))),
        arguments("intercept on at HQ outbound local",
            on(named("HQ"), options(null, null, null, OutboundType.LOCAL_ONLY, null, null))),
        arguments("intercept on at HQ outbound allow",
            on(named("HQ"), options(null, null, null, OutboundType.LOCAL_ONLY, null, null))),
        arguments("intercept on at HQ outbound intercept-all",
            on(named("HQ"), options(null, null, null, OutboundType.INTERCEPT_ALL, null, null))),
        arguments("intercept on at HQ outbound all",
            on(named("HQ"), options(null, null, null, OutboundType.INTERCEPT_ALL, null, null))),
        arguments("intercept on at HQ outbound to off",
            on(named("HQ"), options(null, null, null, null, OFF, null))),
        arguments("intercept on at HQ no outbound transfer",
            on(named("HQ"), options(null, null, null, null, OFF, null))),
        arguments("intercept on at HQ inbound allow-all",
            on(named("HQ"), options(null, null, null, null, null, InboundType.ALLOW_ALL))),
        arguments("intercept on at HQ inbound intercept-all outbound intercept-all",
            on(named("HQ"), options(null, null, null, OutboundType.INTERCEPT_ALL, null, InboundType.INTERCEPT_ALL))),
        arguments("intercept on at HQ, Austin voicemail and announce +12147691003",
            on(named("HQ", "Austin"), options(true, to("+12147691003"), null, null, null, null))),
        arguments("intercept on everywhere no voicemail", on(ALL, options(false, null, null, null, null, null))),
        arguments("intercept on at \"Zero Street\" zero +12147691005",
            on(named("Zero Street"), options(null, null, to("+12147691005"), null, null, null))),
        arguments("intercept off at HQ voicemail",
            new InterceptChange(false, named("HQ"), options(true, null, null, null, null, null))),
        // intercept status
        arguments("intercept status at HQ", status("HQ")),
        arguments("intercept status at all", status()),
        arguments("intercept status", status()),
        arguments("intercept status?", status()),
        arguments("intercept?", status()),
        arguments("intercept HQ?", status("HQ")),
        arguments("intercept on at HQ?", status("HQ")),
        arguments("is intercept on at HQ?", status("HQ")),
        arguments("is intercept enabled at Austin?", status("Austin")),
        arguments("status of intercept at Austin", status("Austin")),
        arguments("show intercept for HQ and Denver", status("HQ", "Denver")),
        arguments("show intercept", status()),
        arguments("intercept status HQ", status("HQ")),
        arguments("what's the intercept at HQ", status("HQ")),
        arguments("what\u2019s the intercept at HQ?", status("HQ")),
        arguments("what is the intercept status at HQ and Austin", status("HQ", "Austin")),
        arguments("check intercept at all", status()),
        arguments("is HQ intercepted?", status("HQ")),
        arguments("intercept settings for HQ", status("HQ")),
        arguments("@bot intercept status", status()),
        arguments("status", status()),
        arguments("status of HQ", status("HQ")),
        arguments("what is intercept", new Help("intercept")),
        // transfer numbers
        arguments("transfer numbers for alice@example.com", show("alice@example.com")),
        arguments("transfer numbers for Alice Smith", show("Alice Smith")),
        arguments("transfer numbers for \"Alice Smith\"", show("Alice Smith")),
        arguments("show transfer numbers of bob@example.com", show("bob@example.com")),
        arguments("show me the transfer numbers for Alice Smith", show("Alice Smith")),
        arguments("what are the transfer numbers for Alice.Smith@Example.com?", show("alice.smith@example.com")),
        arguments("alice@example.com transfer numbers", show("alice@example.com")),
        arguments("Alice Smith's transfer numbers", show("Alice Smith")),
        arguments("auto transfer numbers for bob@example.com", show("bob@example.com")),
        arguments("get transfer numbers for bob@example.com", show("bob@example.com")),
        arguments("transfer number 2 for alice@example.com", show("alice@example.com")),
        arguments("transfer numbers of <mailto:bob@example.com|bob@example.com>", show("bob@example.com")),
        arguments("set transfer number 2 for alice@example.com to +12055553651",
            set("alice@example.com", 2, "+12055553651")),
        arguments("set transfer number 2 of Alice Smith to +1 205 555 3651", set("Alice Smith", 2, "+1 205 555 3651")),
        arguments("transfer number 2 for alice@example.com = +12055553651",
            set("alice@example.com", 2, "+12055553651")),
        arguments("set transfer number two for alice@example.com to 205-555-3651",
            set("alice@example.com", 2, "205-555-3651")),
        arguments("set the second transfer number of alice@example.com to +12055553651",
            set("alice@example.com", 2, "+12055553651")),
        arguments("set transfer number 2 to +12055553651 for alice@example.com",
            set("alice@example.com", 2, "+12055553651")),
        arguments("change transfer number #3 for bob@example.com to +12055553652",
            set("bob@example.com", 3, "+12055553652")),
        arguments("set transfer number 1 for Alice Smith: +12055553651", set("Alice Smith", 1, "+12055553651")),
        arguments("clear transfer number 2 for alice@example.com", new ClearTransferNumber(person("alice@example.com"), 2)),
        arguments("remove transfer number 3 for alice@example.com", new ClearTransferNumber(person("alice@example.com"), 3)),
        arguments("delete transfer number 1 for alice@example.com", new ClearTransferNumber(person("alice@example.com"), 1)),
        arguments("unset transfer number 1 of bob@example.com", new ClearTransferNumber(person("bob@example.com"), 1)),
        arguments("set transfer number 2 for alice@example.com to off",
            new ClearTransferNumber(person("alice@example.com"), 2)),
        arguments("custom transfer numbers off for alice@example.com", custom("alice@example.com", false)),
        arguments("custom transfer numbers on for Alice Smith", custom("Alice Smith", true)),
        arguments("custom transfer numbers for alice@example.com off", custom("alice@example.com", false)),
        arguments("use custom transfer numbers for bob@example.com", custom("bob@example.com", true)),
        arguments("disable custom transfer numbers for bob@example.com", custom("bob@example.com", false)),
        arguments("don't use custom transfer numbers for alice@example.com", custom("alice@example.com", false)),
        arguments("turn off custom transfer numbers for Bob Jones", custom("Bob Jones", false)),
        // locations, history, whoami, undo, confirm, cancel, help
        arguments("locations", new ListLocations(null)),
        arguments("locations aus", new ListLocations("aus")),
        arguments("list locations", new ListLocations(null)),
        arguments("show me all locations", new ListLocations(null)),
        arguments("show locations matching aus", new ListLocations("aus")),
        arguments("locations in Texas", new ListLocations("Texas")),
        arguments("whoami", new WhoAmI()),
        arguments("who am i", new WhoAmI()),
        arguments("Who am I?", new WhoAmI()),
        arguments("SWITCHBOARD: whoami", new WhoAmI()),
        arguments("history", new History(null)),
        arguments("history HQ", new History("HQ")),
        arguments("history for HQ", new History("HQ")),
        arguments("show history", new History(null)),
        arguments("history all", new History(null)),
        arguments("undo", new Undo()),
        arguments("undo that", new Undo()),
        arguments("undo my last change", new Undo()),
        arguments("revert", new Undo()),
        arguments("rollback", new Undo()),
        arguments("yes", new Confirm()),
        arguments("Yes!", new Confirm()),
        arguments("y", new Confirm()),
        arguments("yes please", new Confirm()),
        arguments("confirm", new Confirm()),
        arguments("ok", new Confirm()),
        arguments("go", new Confirm()),
        arguments("do it", new Confirm()),
        arguments("go ahead.", new Confirm()),
        arguments("@Switchboard yes", new Confirm()),
        arguments("cancel", new Cancel()),
        arguments("no", new Cancel()),
        arguments("n", new Cancel()),
        arguments("no thanks", new Cancel()),
        arguments("abort", new Cancel()),
        arguments("stop", new Cancel()),
        arguments("nevermind", new Cancel()),
        arguments("never mind", new Cancel()),
        arguments("help", new Help(null)),
        arguments("?", new Help(null)),
        arguments("commands", new Help(null)),
        arguments("help me", new Help(null)),
        arguments("what can you do?", new Help(null)),
        arguments("hi", new Command.Hello(false)),
        arguments("hey switchboard, help", new Help(null)),
        arguments("help intercept", new Help("intercept")),
        arguments("help transfer", new Help("transfer")),
        arguments("help Intercept Status", new Help("intercept status")),
        arguments("help with transfer numbers", new Help("transfer numbers")),
        arguments("help intercept on at HQ", new Help("intercept on")),
        arguments("intercept help", new Help("intercept")),
        arguments("", new Help(null)),
        arguments("   ", new Help(null)),
        arguments("@Switchboard", new Help(null)),
        arguments("Switchboard:", new Help(null)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("phrasings")
  void phrasing_parsesToItsCommand(String text, Command expected) {
    assertThat(PARSER.parse(text)).isEqualTo(expected);
  }

  static Stream<Arguments> partlyRight() {
    return Stream.of(
        arguments("intercept on", "intercept", "Say where to turn intercept on: `intercept on at HQ`"),
        arguments("intercept off", "intercept", "Say where to turn intercept off"),
        arguments("intercept on at", "intercept", "Say where to turn intercept on"),
        arguments("turn on intercept", "intercept", "Say where to turn intercept on"),
        arguments("intercept", "intercept", "Say whether to turn intercept on or off, or ask for its status"),
        arguments("intercept HQ", "intercept", "`intercept on at HQ`, `intercept off at HQ` or `intercept status at HQ`"),
        arguments("turn intercept at HQ", "intercept", "Say whether to turn intercept on or off"),
        arguments("enable intercept off at HQ", "intercept", "Say either on or off, not both."),
        arguments("intercept on at HQ and all", "intercept", "Say `all` on its own, or name the locations"),
        arguments("intercept on at HQ voicemail no voicemail", "intercept",
            "`voicemail` is given twice with different values"),
        arguments("intercept on at HQ announce +12147691003 announce +12147691004", "intercept",
            "`announce` is given twice with different values"),
        arguments("intercept on at HQ outbound local-only outbound intercept-all", "intercept",
            "`outbound` is given twice"),
        arguments("intercept on at HQ announce 12", "intercept", "`12` is not a phone number (for `announce`)"),
        arguments("intercept on at HQ announce", "intercept", "`announce` needs a phone number or `off`"),
        arguments("intercept on at HQ zero banana", "intercept", "`banana` is not a phone number"),
        arguments("intercept on at HQ outbound to +1800FLOWERS", "intercept", "`+1800FLOWERS` is not a phone number"),
        arguments("intercept on at HQ outbound", "intercept", "`outbound` needs `local-only`, `intercept-all`"),
        arguments("intercept on at HQ outbound allow-all", "intercept", "the most it allows is `outbound local-only`"),
        arguments("intercept on at HQ outbound allow all", "intercept", "the most it allows is `outbound local-only`"),
        arguments("intercept on at HQ inbound sideways", "intercept", "`inbound` takes `intercept-all` or `allow-all`"),
        arguments("intercept on at HQ no outbound", "intercept", "Say `outbound to off`"),
        arguments("intercept on at HQ \"voicemial\" zero", "intercept", "`zero` needs a phone number"),
        arguments("intercept on at HQ voicemail fax", "intercept", "I don't understand `fax` in an intercept command"),
        arguments("foo intercept on at HQ", "intercept", "I don't understand `foo` before `intercept`"),
        arguments("intercept status at HQ voicemail", "intercept status",
            "Options like `voicemail` go with `intercept on` or `intercept off`"),
        arguments("transfer numbers", "transfer numbers", "Say whose transfer numbers"),
        arguments("set transfer number for alice to +12055553651", "set transfer number",
            "Say which transfer number, 1, 2 or 3: `set transfer number 2 for alice to +12055553651`"),
        arguments("set transfer number 4 for alice@example.com to +12055553651", "set transfer number",
            "there is no number 4"),
        arguments("set transfer number 2 for alice@example.com", "set transfer number", "Say the new number"),
        arguments("set transfer number 2 for alice@example.com to banana", "set transfer number",
            "`banana` is not a phone number"),
        arguments("clear transfer number for alice@example.com", "clear transfer number",
            "Say which transfer number, 1, 2 or 3"),
        arguments("clear transfer number 0 for alice@example.com", "clear transfer number", "there is no number 0"),
        arguments("clear transfer number 2 for alice@example.com to +12055553651", "clear transfer number",
            "`clear` takes no number"),
        arguments("custom transfer numbers for alice@example.com", "custom transfer numbers", "Say on or off"),
        arguments("custom transfer numbers off", "custom transfer numbers", "Say whose"),
        arguments("custom transfer numbers on for alice@example.com off", "custom transfer numbers",
            "Say either on or off, not both."),
        arguments("undo intercept at HQ", "undo", "`undo` takes back your own last change"),
        arguments("help fax", "help", "I have no help on `fax`."),
        // the command word is a typo and its arguments are missing: said so, with no line offered for yes
        arguments("intercpt on", "intercept", "(I read that as `intercept on`.) Say where to turn intercept on"),
        arguments("help fax machine", "help", "Topics: help, intercept, intercept status, timed intercept, schedules"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("partlyRight")
  void partlyRightCommand_isInvalid_withAProblemAndThatTopicsUsage(String text, String topic, String problem) {
    Command command = PARSER.parse(text);

    assertThat(command).isInstanceOf(Invalid.class);
    Invalid invalid = (Invalid) command;
    assertThat(invalid.topic()).isEqualTo(topic);
    assertThat(invalid.problem()).contains(problem);
    assertThat(invalid.usage()).isEqualTo(CommandTable.spec(topic).usage());
  }

  static Stream<Arguments> typos() {
    return Stream.of(
        arguments("interecpt status at HQ", "intercept status at HQ"),
        arguments("intercept staus at HQ", "intercept status at HQ"),
        arguments("turn on intrecept at HQ", "turn on intercept at HQ"),
        arguments("intercpet HQ?", "intercept HQ?"),
        arguments("transfr numbers for bob@example.com", "transfer numbers for bob@example.com"),
        arguments("trasnfer numbers for Alice Smith", "transfer numbers for Alice Smith"),
        arguments("set transfr number 2 for alice@example.com to +12055553651",
            "set transfer number 2 for alice@example.com to +12055553651"),
        arguments("custum transfer numbers off for alice@example.com",
            "custom transfer numbers off for alice@example.com"),
        arguments("histroy HQ", "history HQ"),
        arguments("locatons aus", "locations aus"),
        arguments("whoamii", "whoami"),
        arguments("undoo", "undo"),
        arguments("canel", "cancel"),
        arguments("hlep", "help"),
        arguments("help interept", "help intercept"),
        arguments("transfer alice", "transfer numbers for alice"),
        // the user's own words corrected, never a table example with someone else's arguments
        arguments("intercept on at HQ voicemial", "intercept on at HQ voicemail"),
        arguments("intercept on at HQ anounce +12147691003", "intercept on at HQ announce +12147691003"),
        arguments("intercept of at HQ", "intercept off at HQ"),
        arguments("intercept onn at HQ", "intercept on at HQ"),
        arguments("intercept offf at Austin, Denver", "intercept off at Austin, Denver"),
        arguments("icept on hq", "intercept on hq"),
        arguments("intercpet on at HQ", "intercept on at HQ"),
        arguments("interceot on at denver", "intercept on at denver"),
        arguments("intrecept status", "intercept status"),
        arguments("tranfer numbers for bob@example.com", "transfer numbers for bob@example.com"),
        arguments("help tranfer", "help transfer"),
        arguments("help intercpet", "help intercept"),
        arguments("intercept on at HQ voicemial annouce +12147691003",
            "intercept on at HQ voicemail announce +12147691003"),
        arguments("intercept of at HQ for 2h", "intercept off at HQ for 2h"),
        arguments("set transfr number 2 for bob to 2055553699", "set transfer number 2 for bob to 2055553699"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("typos")
  void unknownWords_suggestTheClosestCommand(String text, String suggestion) {
    Command command = PARSER.parse(text);

    assertThat(command).isInstanceOf(Unknown.class);
    Unknown unknown = (Unknown) command;
    assertThat(unknown.suggestion()).isEqualTo(suggestion);
    Command suggested = PARSER.parse(suggestion);
    assertThat(suggested).isNotInstanceOfAny(Unknown.class, Invalid.class);
    assertThat(unknown.usage()).isEqualTo(suggested.spec().usage());
  }

  @Test
  void unknownCommand_message_asksDidYouMean() {
    Unknown unknown = (Unknown) PARSER.parse("@Switchboard interecpt status at HQ");

    assertThat(unknown.text()).isEqualTo("interecpt status at HQ");
    assertThat(unknown.message()).isEqualTo("I don't know `interecpt status at HQ`. Did you mean "
        + "`intercept status at HQ`?\nUsage: " + CommandTable.spec("intercept status").usage());
  }

  @Test
  void unrelatedText_isUnknown_withoutSuggestion_pointingToHelp() {
    Unknown unknown = (Unknown) PARSER.parse("send a fax to HQ");

    assertThat(unknown.suggestion()).isNull();
    assertThat(unknown.usage()).contains("`help`");
    assertThat(unknown.message()).isEqualTo("I don't know `send a fax to HQ`. Type `help` to see what I can do.");
  }

  @Test
  void invalidCommand_message_givesProblemThenUsage() {
    Invalid invalid = (Invalid) PARSER.parse("intercept on");

    assertThat(invalid.message()).startsWith(invalid.problem()).endsWith("Usage: " + invalid.usage());
  }

  @Test
  void botName_isTheConstructors() {
    var parser = new CommandParser("Operator");

    assertThat(parser.parse("Operator: intercept on at HQ")).isEqualTo(on("HQ"));
    assertThat(parser.parse("Switchboard intercept on at HQ")).isInstanceOf(Invalid.class);
  }

  @Test
  void nullText_isHelp() {
    assertThat(PARSER.parse(null)).isEqualTo(new Help(null));
  }

  @Test
  void anyText_parsesWithoutThrowing() {
    Random random = new Random(4);
    String alphabet = "intercept onfatHQ,and&\"'?!@.+-()0123456789 transfer numbers for set clear custom \u2019\u00a0";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(PARSER.parse(text.toString())).as(text.toString()).isNotNull();
    }
  }

  private static LocationTarget.Named named(String... names) {
    return LocationTarget.Named.of(names);
  }

  private static InterceptChange on(String... names) {
    return on(named(names));
  }

  private static InterceptChange on(LocationTarget target) {
    return on(target, InterceptOptions.none());
  }

  private static InterceptChange on(LocationTarget target, InterceptOptions options) {
    return new InterceptChange(true, target, options);
  }

  private static InterceptChange off(String... names) {
    return off(named(names));
  }

  private static InterceptChange off(LocationTarget target) {
    return new InterceptChange(false, target, InterceptOptions.none());
  }

  private static InterceptStatus status(String... names) {
    return new InterceptStatus(names.length == 0 ? ALL : named(names));
  }

  private static InterceptOptions options(Boolean voicemail, NumberOption announce, NumberOption zero,
                                          OutboundType outbound, NumberOption outboundTo, InboundType inbound) {
    return new InterceptOptions(voicemail, announce, zero, outbound, outboundTo, inbound);
  }

  private static NumberOption to(String number) {
    return new NumberOption.To(new DialString(number));
  }

  private static PersonRef person(String query) {
    return new PersonRef(query);
  }

  private static ShowTransferNumbers show(String query) {
    return new ShowTransferNumbers(person(query));
  }

  private static SetTransferNumber set(String query, int slot, String number) {
    return new SetTransferNumber(person(query), slot, new DialString(number));
  }

  private static CustomTransferNumbers custom(String query, boolean enabled) {
    return new CustomTransferNumbers(person(query), enabled);
  }
}
