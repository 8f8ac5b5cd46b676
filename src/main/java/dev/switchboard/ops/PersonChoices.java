package dev.switchboard.ops;

import dev.switchboard.calling.Person;
import dev.switchboard.command.PersonRef;
import dev.switchboard.ops.Reply.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a name fits several people (or only a near spelling of a name or an email fits one): the people numbered,
 * and an offer kept like a "did you mean" so that replying {@code 1} or {@code 2} runs the user's own line with that
 * person's email in place of the name, authorized as if typed.
 */
final class PersonChoices {

  /** Choices are answered by one digit. */
  static final int MOST = 9;

  private final Confirmations confirmations;

  PersonChoices(Confirmations confirmations) {
    this.confirmations = confirmations;
  }

  /** The reply asking which person; numbered, and kept as an offer, when the line can be said again with each email. */
  Reply ask(Requester requester, Principal principal, PersonRef ref, List<Person> people, String text) {
    List<Person> shown = people.stream().filter(p -> p.email() != null).limit(MOST).toList();
    List<String> lines = new ArrayList<>();
    for (Person p : shown) {
      String line = withEmail(text, ref.query(), p.email());
      if (line == null) break;
      lines.add(line);
    }
    String title = people.size() == 1
        ? (ref.isEmail() ? "No one has the email `" : "No one is called `") + Reply.literal(ref.query())
            + "`; did you mean this person?"
        : "`" + Reply.literal(ref.query()) + "` matches several people. Which one?";
    boolean offered = !shown.isEmpty() && lines.size() == shown.size() && !confirmations.waiting(requester);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < (offered ? shown : people).size() && i < 10; i++) {
      Person p = (offered ? shown : people).get(i);
      items.add((offered ? (i + 1) + ". " : "") + Reply.literal(PeopleFinder.label(p)));
    }
    Reply.Builder reply = Reply.of(Tone.WARNING, title).items(items, 10);
    if (!offered) return reply.text("Repeat the command with their email address.").build();
    Plan.Choices choices = new Plan.Choices(lines);
    confirmations.offer(requester, principal.displayName(), text, choices);
    return reply.text("Reply " + choices.numbers() + " within 2 minutes to choose, or repeat the command with their "
        + "email address.").build();
  }

  /** The line with the first place it names the person ({@code Bob Jnoes}, any case or spacing) given as the email. */
  static String withEmail(String text, String query, String email) {
    String[] words = query.strip().split("\\s+");
    StringBuilder pattern = new StringBuilder("(?iu)(?<![\\p{L}\\p{N}@.])");
    for (int i = 0; i < words.length; i++) pattern.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    pattern.append("(?![\\p{L}\\p{N}@])");
    Matcher m = Pattern.compile(pattern.toString()).matcher(text);
    if (!m.find()) return null;
    return text.substring(0, m.start()) + email.toLowerCase(Locale.ROOT) + text.substring(m.end());
  }
}
