package dev.switchboard.command;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Who a transfer-number command is about: an email address (lower-cased) or a display name as typed. */
public record PersonRef(String query) {

  /** The requester themself ("my transfer numbers", "transfer numbers for me"); the operations layer resolves it. */
  static final String REQUESTER = "me";

  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"']+@[^\\s@<>\"']+\\.[^\\s@<>\"'.]+");
  private static final Pattern EDGE_QUOTES = Pattern.compile("^[\"'`]+|[\"'`]+$");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public PersonRef {
    Objects.requireNonNull(query, "query");
    query = clean(query);
    if (query.isEmpty()) {
      throw new IllegalArgumentException("A person reference needs an email or a name");
    }
    if (EMAIL.matcher(query).matches()) {
      query = query.toLowerCase(Locale.ROOT);
    }
  }

  /** Whether this is the requester themself: "me", as in "transfer numbers for me" or "my transfer numbers". */
  public boolean isRequester() {
    return query.equalsIgnoreCase(REQUESTER) || query.equalsIgnoreCase("myself");
  }

  /** Whether the query is an email address (and so matched exactly, not by name). */
  public boolean isEmail() {
    return EMAIL.matcher(query).matches();
  }

  /** Strips what people wrap around a name or address: quotes, angle brackets, {@code mailto:}, a possessive. */
  static String clean(String text) {
    String s = text.strip();
    String before;
    do {
      before = s;
      if (s.length() >= 2 && isWrap(s.charAt(0), s.charAt(s.length() - 1))) {
        s = s.substring(1, s.length() - 1).strip();
      }
      if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
        s = s.substring(7).strip();
      }
      if (s.endsWith(":") || s.endsWith(",")) {
        s = s.substring(0, s.length() - 1).strip(); // "update bob: transfer 3 = +1…"
      }
      if (s.endsWith("'s") || s.endsWith("’s")) {
        s = s.substring(0, s.length() - 2).strip();
      }
      s = EDGE_QUOTES.matcher(s).replaceAll("").strip();
    } while (!s.equals(before));
    return SPACES.matcher(s).replaceAll(" ");
  }

  private static boolean isWrap(char first, char last) {
    return (first == '<' && last == '>') || (first == '"' && last == '"') || (first == '\'' && last == '\'')
        || (first == '`' && last == '`') || (first == '(' && last == ')');
  }

  @Override
  public String toString() {
    return query;
  }
}
