package dev.switchboard.ops;

import dev.switchboard.ops.Reply.Fact;
import dev.switchboard.ops.Reply.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A person's {@link CallRouting} in words, three ways from the same facts: the short look-up ({@code transfer
 * numbers for bob}, at most six lines), the full table ({@code explain transfer numbers for bob}) and the answer to
 * "why does bob's international call go to ...?".
 */
final class RoutingReplies {

  /** Routes shown in the short look-up; the rest are one command away. */
  private static final int SHORT_ROUTES = 3;

  /** Who is asked about: their name (a literal) and how to name them again in a command. */
  record Who(String name, String ref) {}

  private RoutingReplies() {}

  static Reply summary(Who who, CallRouting r) {
    List<CallRouting.Route> failing = r.failing();
    Reply.Builder reply = Reply.of(failing.isEmpty() ? Tone.INFO : Tone.WARNING,
        "Transfer numbers for " + who.name() + ": " + numbersWords(r) + ".");
    List<String> lines = new ArrayList<>();
    r.routes().forEach(route -> lines.add(routeLine(r, route)));
    if (lines.isEmpty()) {
      reply.text("No call type goes to a transfer number. Set: " + setNumbers(r) + "."); // the rules: the line below
    } else {
      reply.items(lines, SHORT_ROUTES);
      if (!r.unused().isEmpty() && lines.size() < SHORT_ROUTES) {
        reply.text("Set but used by no call type: " + slotList(r, r.unused()) + ".");
      }
    }
    return reply.text("Rules " + r.rules().words("of their own") + ". Every call type: `explain transfer numbers for "
        + who.ref() + "`.").build();
  }

  static Reply table(Who who, CallRouting r) {
    Reply.Builder reply = Reply.of(r.failing().isEmpty() ? Tone.INFO : Tone.WARNING,
        "Where the outgoing calls of " + who.name() + " go.");
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Rules", r.rules().own() ? "their own" : r.rules().words("")));
    facts.add(new Fact("Numbers", numbersWords(r)));
    for (int slot = 1; slot <= 3; slot++) {
      facts.add(new Fact("Number " + slot, r.number(slot) == null ? "not set" : readable(r, slot)));
    }
    r.actions().forEach((type, action) -> facts.add(new Fact(CallRouting.callTypeWords(type), actionLine(r, type))));
    reply.facts(facts);
    if (!r.failing().isEmpty()) reply.text(fix(who, r, r.failing().get(0).slot()));
    return reply.build();
  }

  static Reply why(Who who, CallRouting r, Set<String> callTypes) {
    List<String> asked = r.actions().keySet().stream().filter(callTypes::contains).toList();
    if (asked.isEmpty()) return table(who, r);
    List<String> answers = asked.stream().map(type -> answer(who, r, type)).toList();
    List<CallRouting.Route> failing = r.routesOf(Set.copyOf(asked)).stream().filter(r.failing()::contains).toList();
    Reply.Builder reply = Reply.of(failing.isEmpty() ? Tone.INFO : Tone.WARNING, answers.get(0));
    if (answers.size() > 1) reply.items(answers.subList(1, answers.size()), SHORT_ROUTES);
    if (!failing.isEmpty()) reply.text(fix(who, r, failing.get(0).slot()));
    return reply.text("Every call type: `explain transfer numbers for " + who.ref() + "`.").build();
  }

  private static String answer(Who who, CallRouting r, String type) {
    String calls = CallRouting.callTypeWords(type) + " calls of " + who.name();
    String rule = "the rule is " + r.rules().words("their own");
    return r.routesOf(Set.of(type)).stream().findFirst().map(route -> {
      int slot = route.slot();
      if (r.number(slot) == null) {
        return calls + " go to transfer number " + slot + ", which is not set (" + numbersFrom(r)
            + "), so they fail; " + rule + ".";
      }
      return calls + " go to transfer number " + slot + ", " + readable(r, slot) + " (" + numbersFrom(r) + "; "
          + rule + ").";
    }).orElse(calls + " go to no transfer number: they are " + CallRouting.actionWords(r.actions().get(type)) + " ("
        + rule + ").");
  }

  private static String routeLine(CallRouting r, CallRouting.Route route) {
    return CallRouting.callTypeWords(route.callType()) + " → " + target(r, route);
  }

  /** "number 1, +1 214 555 0100", or the warning that the number is not set. */
  private static String target(CallRouting r, CallRouting.Route route) {
    String head = "number " + route.slot() + ", ";
    return r.number(route.slot()) == null ? head + "not set: these calls fail" : head + readable(r, route.slot());
  }

  private static String actionLine(CallRouting r, String type) {
    return r.routesOf(Set.of(type)).stream().findFirst().map(route -> "→ " + target(r, route))
        .orElse(CallRouting.actionWords(r.actions().get(type)));
  }

  private static String fix(Who who, CallRouting r, int slot) {
    if (r.numbers().own()) {
      return "To fix it: `set transfer number " + slot + " for " + who.ref() + " to <number>`, or change the rule "
          + "in Control Hub.";
    }
    return "To fix it: set transfer number " + slot + " of " + r.numbers().words("").substring("from ".length())
        + " in Control Hub, or change the rule there.";
  }

  private static String numbersWords(CallRouting r) {
    return r.numbers().own() ? "custom" : r.numbers().words("") + " (custom numbers off)";
  }

  private static String numbersFrom(CallRouting r) {
    return r.numbers().own() ? "custom numbers" : "numbers " + r.numbers().words("");
  }

  private static String setNumbers(CallRouting r) {
    List<Integer> set = new ArrayList<>();
    for (int slot = 1; slot <= 3; slot++) if (r.number(slot) != null) set.add(slot);
    return set.isEmpty() ? "none" : slotList(r, set);
  }

  private static String slotList(CallRouting r, List<Integer> slots) {
    return String.join("; ", slots.stream().map(slot -> "number " + slot + ", " + readable(r, slot)).toList());
  }

  /** A number from Webex for reading, grouped; one Webex holds that is no valid number is shown as it is. */
  private static String readable(CallRouting r, int slot) {
    return ShownNumbers.shown(r.number(slot), r.region());
  }
}
