package dev.switchboard.command;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The commands that list what there is: {@code locations} and {@code history}, as typed and as asked. */
final class ListingGrammar {

  private static final Pattern LOCATIONS = Pattern.compile(
      "(?i)^(?:(?:list|show|get|display|view|see|what are|which are|give me|find)(?:\\s+me)?"
          + "(?:\\s+(?:all|the|our|of))*(?:\\s+calling)?\\s+)?(?:locations?|location list|sites)"
          + "(?:\\s+(?:matching|containing|like|with|named|called|filtered by|filter|that match|which match|in|at"
          + "|starting with|that contain|with names? like|whose names? contains?))?(?:\\s+(.*))?$");
  private static final Pattern MADE_BY = Pattern.compile("(?i)^(?:(?:made|done)\\s+)?by\\s+(?=\\S)");
  private static final Pattern HISTORY = Pattern.compile(
      "(?i)^(?:(?:show|get|view|see|display|list)(?:\\s+me)?(?:\\s+the)?\\s+)?"
          // "the last 5 changes", "latest changes"
          + "(?:(?:last|latest|most\\s+recent|recent)(?:\\s+(?:\\d{1,3}|few|couple(?:\\s+of)?))?\\s+)?"
          + "(?:change\\s+|audit\\s+|recent\\s+)?"
          + "(?:history|audit log|audit|changes|change ?log|logs?)(?:\\s+(?:for|of|at|in|on|@))?(?:\\s+(.*))?$"
          // "what changed today", "what has changed at HQ", "what did I change", "who changed what"
          + "|^(?:what|who)\\s+(?:has\\s+|have\\s+|was\\s+|got\\s+)?changed(?:\\s+what)?"
          + "(?:\\s+(?:at|in|for|on)\\s+(.+?))?"
          + "(?:\\s+(?:today|recently|lately|yesterday|this week|so far))?$"
          + "|^what\\s+(?:did|have|has)\\s+(?:i|we|you|anyone|someone|somebody)\\s+(?:just\\s+)?changed?"
          + "(?:\\s+(?:at|in|for|on)\\s+(.+?))?(?:\\s+(?:today|recently|lately|yesterday|this week|so far))?$"
          // "what did bob change", "what has alice jones changed": that person's history (history bob)
          + "|^what\\s+(?:did|has|have)\\s+(?!(?:i|we|you|anyone|someone|somebody|they|it|that|this|the|intercept|transfer)\\b)"
          + "(\\S+@\\S+|[a-z][\\w.'-]*(?:\\s+[a-z][\\w.'-]*)?)\\s+(?:just\\s+)?changed?"
          + "(?:\\s+(?:today|recently|lately|yesterday|this week|so far))?$"
          // "bob's changes", "alice jones's history"
          + "|^(\\S+@\\S+|[a-z][\\w.-]*(?:\\s+[a-z][\\w.-]*)?)'s?\\s+(?:changes|history)$"
          // "what happened at HQ", "what has happened in Austin today"
          + "|^what(?:'s|\\s+has)?\\s+happened(?:\\s+(?:at|in|to|with|for)\\s+(.+?))?"
          + "(?:\\s+(?:today|recently|lately|yesterday|this week|so far|overnight|last night))?$"
          // "who changed HQ", "when was HQ last changed", "what was changed last", "last change", "show me what you did"
          + "|^who\\s+(?:changed|touched|modified|edited)\\s+(?:the\\s+)?(?!intercept\\b|transfer\\b)(.+?)(?:\\s+(?:today|recently|last))?$"
          + "|^when\\s+(?:was|did)\\s+(?:the\\s+)?(?!intercept\\b)(.+?)\\s+(?:last\\s+)?(?:changed|change|get\\s+changed|touched)$"
          + "|^(?:what\\s+was\\s+(?:changed|done)(?:\\s+last)?|(?:the\\s+|my\\s+)?(?:last|latest)\\s+changes?"
          + "|show\\s+me\\s+what\\s+(?:you|i|we)\\s+(?:did|changed|have\\s+done))$");
  /** "history HQ last 10", "history for Austin, last 5": how many is the list's own business. */
  private static final Pattern LAST_N = Pattern.compile("(?i)[,\\s]+(?:the\\s+)?(?:last|latest)\\s+\\d{1,4}$");
  /** "all locations", "all the sites": the list, said without a verb. */
  private static final Pattern ALL_LOCATIONS = Pattern.compile(
      "(?i)^all(?:\\s+(?:the|of the|our|of our))?(?:\\s+calling)?\\s+(?:locations|sites|offices|branches)$");
  private static final Pattern INTERCEPT_WORD = Pattern.compile("(?i)\\bintercept");
  /**
   * "locations with intercept on", "sites on intercept", "locations that are intercepted": where intercept is on, a
   * question ("locations on intercept" once previewed turning it on everywhere). Off asks for every status.
   */
  private static final Pattern WHERE_INTERCEPT = Pattern.compile(
      "(?i)^(?:(?:list|show|get|which|what)(?:\\s+me)?\\s+)?(?:the\\s+|all\\s+|our\\s+)?(?:calling\\s+)?"
          + "(?:locations?|sites?|offices?|branches?)\\s+(?:(?:that|which)\\s+(?:are|have|has)|with|having|where|"
          + "on|in|under)\\s+(?:call\\s+)?(?:intercept(?:ed|ion)?|intercept\\s+(?:is\\s+)?(on|off|enabled|disabled"
          + "|active|turned\\s+on|turned\\s+off))(?:\\s+(?:now|right\\s+now))?$");

  private static final Pattern OFF = Pattern.compile("(?i)off|disabled|turned\\s+off");

  private ListingGrammar() {}

  /** {@code locations [filter]} and the ways people ask for the list; null when the text is neither. */
  static Command locations(String text) {
    Matcher where = WHERE_INTERCEPT.matcher(text);
    if (where.matches()) {
      boolean off = where.group(1) != null && OFF.matcher(where.group(1)).matches();
      return new Command.InterceptStatus(new LocationTarget.All(), !off);
    }
    if (ALL_LOCATIONS.matcher(text).matches()) {
      return new Command.ListLocations(null);
    }
    Matcher m = LOCATIONS.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String filter = m.group(1);
    if (filter != null && INTERCEPT_WORD.matcher(filter).find()) {
      return null; // "list the sites that are intercepted" asks where intercept is on
    }
    return new Command.ListLocations(filter == null || LocationGrammar.ALL.matcher(filter).matches() ? null : filter);
  }

  /** {@code history [location]} and the questions of what changed; null when the text is none of them. */
  static Command history(String text) {
    Matcher m = HISTORY.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String location = Groups.first(m);
    if (location != null) location = LAST_N.matcher(location).replaceFirst("").strip();
    if (location != null) location = MADE_BY.matcher(location).replaceFirst(""); // "changes made by bob": bob's
    if (location != null && location.isEmpty()) location = null;
    return new Command.History(location == null || LocationGrammar.ALL.matcher(location).matches() ? null : location);
  }
}
