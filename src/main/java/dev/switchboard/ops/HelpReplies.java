package dev.switchboard.ops;

import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.command.CommandSpec;
import dev.switchboard.command.CommandTable;
import dev.switchboard.command.HelpText;
import dev.switchboard.ops.Reply.Tone;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The answers about Switchboard itself: a greeting, {@code help}, {@code whoami}, and what a refusal adds for someone
 * without rights (what they may run, and whom to ask: the policy's {@code contact:}).
 */
final class HelpReplies {

  private final Optional<String> contact;

  HelpReplies(Optional<String> contact) {
    this.contact = contact;
  }

  /** One line for a greeting or a thanks, with the two commands worth knowing first. */
  Reply hello(Principal principal, Command.Hello hello) {
    if (hello.thanks()) return Reply.note(Tone.INFO, "You're welcome.");
    return Reply.of(Tone.INFO, "Hello " + principal.displayName() + ".")
        .text("Try `intercept status` or `help`.").build();
  }

  Reply help(Principal principal, Command.Help help) {
    String overview = HelpText.overview(spec -> Permissions.mayRun(principal, spec.access()));
    if (help.topic() == null) return Reply.of(Tone.INFO, "What I can do").text(overview).build();
    return HelpText.topic(help.topic())
        .map(text -> Reply.of(Tone.INFO, "Help: " + help.topic().toLowerCase(Locale.ROOT)).text(text).build())
        .orElseGet(() -> Reply.of(Tone.INFO, "There is no help topic `" + help.topic() + "`.").text(overview).build());
  }

  Reply whoami(Principal principal) {
    List<String> roles = principal.rolesWithSources();
    Reply.Builder reply = Reply.of(Tone.INFO, "You are " + principal.displayName() + " (" + principal.email() + ").")
        .facts(List.of(
            new Reply.Fact("Roles", roles.isEmpty() ? "none" : String.join("; ", roles)),
            new Reply.Fact("You may run", String.join(", ", mayRun(principal)))));
    if (principal.external()) {
      reply.text("You belong to another organisation; Switchboard's policy file lets you act here as a partner admin.");
    }
    // Webex shows Control Hub location administrators nowhere Switchboard can read reliably (see the README).
    reply.text("Webex roles come from Webex; " + Principal.LOCATION_RIGHTS + ", not from Control Hub.");
    if (roles.isEmpty()) contactLine().ifPresent(reply::text);
    return reply.build();
  }

  /**
   * A refusal of a right as it is shown: to someone with no role at all, what they may run; to anyone refused, whom
   * to ask, when the policy says. Other replies pass unchanged.
   */
  Reply explainRefusal(Principal principal, Reply reply) {
    if (reply.tone() != Tone.DENIED || !Replies.isRightRefused(reply)) return reply;
    Reply.Builder more = Reply.of(reply.tone(), reply.title());
    reply.blocks().forEach(more::block);
    if (principal.rolesWithSources().isEmpty()) {
      // help and whoami: someone without a role has no change to undo or confirm
      List<String> open = CommandTable.all().stream().filter(spec -> spec.access() == Access.ANYONE)
          .map(spec -> "`" + spec.topic() + "`").toList();
      more.text("You have no Switchboard role; you may run " + Replies.prose(open) + ".");
    }
    contactLine().ifPresent(more::text);
    reply.buttons().forEach(b -> more.button(b.label(), b.action(), b.ref()));
    if (reply.audience() == Reply.Audience.EVERYONE) more.toEveryone();
    return more.build();
  }

  private Optional<String> contactLine() {
    // The operator's own words from the policy file, not an echo: an address there stays one people can copy and
    // click (a literal would be made inert, its dots look-alikes).
    return contact.map(who -> "To get access, ask " + who + ".");
  }

  /** The commands this principal may run, by name: those that need a role they have, and those everyone may. */
  private static List<String> mayRun(Principal principal) {
    return CommandTable.all().stream()
        .filter(spec -> Permissions.mayRun(principal, spec.access()))
        .filter(spec -> spec.access() != Access.PENDING_REQUESTER)
        .map(CommandSpec::topic)
        .map(topic -> "`" + topic + "`")
        .distinct()
        .toList();
  }
}
