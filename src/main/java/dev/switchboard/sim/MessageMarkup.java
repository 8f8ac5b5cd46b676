package dev.switchboard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a markdown message the way Webex stores it: {@code text} with mentions shown as names, {@code html}
 * with {@code <spark-mention>} tags, and the mentioned people and groups.
 *
 * <p>Mentions: {@code <@personEmail:EMAIL|Name>}, {@code <@personId:ID|Name>} (the name is optional; the
 * person's display name is used without it) and {@code <@all>}. A mention of nobody Webex knows stays plain
 * text. Other markdown is rendered modestly (bold, inline code, links, line breaks).
 */
final class MessageMarkup {

  record Rendered(String text, String html, List<String> mentionedPeople, List<String> mentionedGroups) {}

  private static final Pattern MENTION =
      Pattern.compile("<@(personEmail|personId):([^|>]+)(?:\\|([^>]*))?>|<@all>");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
  private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(.+?)\\1");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private MessageMarkup() {}

  static Rendered render(String markdown, Function<String, Optional<SimState.Person>> byEmail,
      Function<String, Optional<SimState.Person>> byId) {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<p>");
    List<String> people = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    Matcher m = MENTION.matcher(markdown);
    int last = 0;
    while (m.find()) {
      String before = markdown.substring(last, m.start());
      text.append(plain(before));
      html.append(inlineHtml(before));
      last = m.end();
      if (m.group(1) == null) {
        text.append("All");
        html.append("<spark-mention data-object-type=\"groupMention\" data-group-type=\"all\">All</spark-mention>");
        if (!groups.contains("all")) {
          groups.add("all");
        }
        continue;
      }
      String key = m.group(2).trim();
      Optional<SimState.Person> person = m.group(1).equals("personEmail") ? byEmail.apply(key) : byId.apply(key);
      String name = m.group(3) != null && !m.group(3).isBlank()
          ? m.group(3).trim()
          : person.map(SimState.Person::displayName).orElse(key);
      text.append(name);
      if (person.isPresent()) {
        String id = person.get().id();
        html.append("<spark-mention data-object-type=\"person\" data-object-id=\"").append(id).append("\">")
            .append(escape(name)).append("</spark-mention>");
        if (!people.contains(id)) {
          people.add(id);
        }
      } else {
        html.append(escape(name));
      }
    }
    String rest = markdown.substring(last);
    text.append(plain(rest));
    html.append(inlineHtml(rest)).append("</p>");
    return new Rendered(text.toString().trim(), html.toString(), List.copyOf(people), List.copyOf(groups));
  }

  private static String plain(String markdown) {
    String s = LINK.matcher(markdown).replaceAll("$1");
    s = BOLD.matcher(s).replaceAll("$2");
    return CODE.matcher(s).replaceAll("$1");
  }

  private static String inlineHtml(String markdown) {
    String s = escape(markdown);
    s = CODE.matcher(s).replaceAll("<code>$1</code>");
    s = BOLD.matcher(s).replaceAll("<strong>$2</strong>");
    s = LINK.matcher(s).replaceAll("<a href=\"$2\">$1</a>");
    return s.replace("\r\n", "\n").replace("\n", "<br/>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
