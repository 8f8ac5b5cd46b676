package dev.switchboard.calling;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads RFC 8288 {@code Link} headers, which Webex uses for paging. */
final class LinkHeader {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))",
      Pattern.CASE_INSENSITIVE);

  private LinkHeader() {}

  /** The target of the first link with relation {@code next} among the given header values, or null. */
  static String next(List<String> headerValues) {
    for (String header : headerValues) {
      Matcher link = LINK.matcher(header);
      while (link.find()) {
        Matcher rel = REL.matcher(link.group(2));
        while (rel.find()) {
          String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
          for (String r : rels.strip().split("\\s+")) {
            if (r.toLowerCase(Locale.ROOT).equals("next")) {
              return link.group(1).strip();
            }
          }
        }
      }
    }
    return null;
  }
}
