package dev.switchboard.ops;

import dev.switchboard.command.EditDistance;

import dev.switchboard.calling.Person;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.command.NameKey;
import dev.switchboard.command.PersonRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Finds the person a command names: by email exactly (an email no one has offers the emails a typo away); by
 * {@code @handle}, the email's local part; by display name (Webex's prefix search, then exactly on our side); else
 * among the org's people by first or last name alone, and by spelling ("Alise Smith", "Bob Jnoes"). Names are
 * compared in {@link NameKey}'s form on both sides. A look-up makes at most three Webex calls: the search, one page
 * of the directory, the person.
 */
final class PeopleFinder {

  /** How many people of the directory the near-name match reads: one page, the most Webex gives at once. */
  static final int DIRECTORY_PAGE = 1000;

  /** What a look-up found. */
  sealed interface Found {
    record One(Person person) implements Found {}

    /** People who may be meant: several that fit, or one near spelling that a change must not assume. */
    record Several(List<Person> people) implements Found {
      public Several {
        people = List.copyOf(people);
      }
    }

    record None(String message) implements Found {}
  }

  private final WebexClient client;
  private final ManagedOrg org;

  PeopleFinder(WebexClient client, ManagedOrg org) {
    this.client = client;
    this.org = org;
  }

  Found find(PersonRef ref) {
    return find(ref, false);
  }

  /**
   * The person {@code ref} names. With {@code changing}, a person found only by a near spelling is offered as a
   * choice rather than taken: a look-up may guess, a change may not.
   */
  Found find(PersonRef ref, boolean changing) {
    String query = ref.query().trim();
    if (ref.isEmail()) {
      List<Person> people = client.peopleByEmail(query).stream()
          .filter(p -> p.emails() != null && p.emails().stream().anyMatch(e -> e.equalsIgnoreCase(query)))
          .filter(p -> org.contains(p.orgId()))
          .toList();
      if (people.isEmpty()) return nearEmail(query);
      // Listed with its Calling fields: nothing more to read (the roles a single read adds are not the target's to need).
      return new Found.One(people.get(0));
    }
    if (query.startsWith("@") && query.length() > 1) return byHandle(query.substring(1));
    List<Person> people = listed(client.peopleByDisplayName(query));
    List<Person> exact = people.stream().filter(p -> NameKey.same(p.displayName(), query)).toList();
    if (exact.size() == 1) return one(exact.get(0));
    if (people.size() == 1) return one(people.get(0));
    if (!people.isEmpty()) return new Found.Several(exact.size() > 1 ? exact : people);
    return nearby(query, changing);
  }

  /** Nothing starts with the name: the directory's first page, by a first or last name alone, then by spelling. */
  private Found nearby(String query, boolean changing) {
    String wanted = NameKey.of(query);
    List<Person> directory = listed(client.peopleFirstPage(DIRECTORY_PAGE));
    List<Person> byPart = directory.stream().filter(p -> parts(p).contains(wanted)).toList();
    if (byPart.size() == 1) return one(byPart.get(0));
    if (byPart.size() > 1) return new Found.Several(byPart);
    List<Person> near = nearest(directory, wanted.length() <= 4 ? 2 : wanted.length() <= 8 ? 3 : 4,
        p -> distance(wanted, p));
    if (near.isEmpty()) {
      return new Found.None("No one in this organisation is called `" + Reply.literal(query)
          + "`. Try their email address.");
    }
    near.sort(Comparator.comparing(p -> NameKey.of(p.displayName())));
    return near.size() == 1 && !changing ? one(near.get(0)) : new Found.Several(near);
  }

  /**
   * No one has the email typed: the people of the directory's first page whose email is a slip of the keyboard away
   * ({@code alise@example.com} for alice@), offered as a choice and never taken, since an email names one person.
   */
  private Found nearEmail(String email) {
    String wanted = email.toLowerCase(Locale.ROOT);
    int at = wanted.indexOf('@');
    List<Person> near = nearest(listed(client.peopleFirstPage(DIRECTORY_PAGE)), at >= 0 && at <= 4 ? 1 : 2,
        p -> p.emails() == null ? Integer.MAX_VALUE
            : p.emails().stream().mapToInt(e -> EditDistance.of(wanted, e.toLowerCase(Locale.ROOT))).min()
                .orElse(Integer.MAX_VALUE));
    if (near.isEmpty()) {
      return new Found.None("No one in this organisation has the email `" + Reply.literal(email) + "`.");
    }
    near.sort(Comparator.comparing(p -> NameKey.of(p.displayName())));
    return new Found.Several(near);
  }

  /** The people at the least {@code distance}, if it is at most {@code most} edits; else none. */
  private static List<Person> nearest(List<Person> people, int most, ToIntFunction<Person> distance) {
    List<Person> near = new ArrayList<>();
    int best = most;
    for (Person p : people) {
      int d = distance.applyAsInt(p);
      if (d > best) continue;
      if (d < best) near.clear();
      best = d;
      near.add(p);
    }
    return near;
  }

  /** {@code @bob}: the person whose email's local part is {@code bob}. */
  private Found byHandle(String handle) {
    String wanted = NameKey.of(handle);
    List<Person> people = listed(client.peopleFirstPage(DIRECTORY_PAGE)).stream()
        .filter(p -> p.emails() != null && p.emails().stream()
            .anyMatch(e -> e.contains("@") && NameKey.of(e.substring(0, e.indexOf('@'))).equals(wanted)))
        .toList();
    if (people.size() == 1) return one(people.get(0));
    if (people.size() > 1) return new Found.Several(people);
    return new Found.None("No one in this organisation has an email starting `" + Reply.literal(handle)
        + "@`. Try their whole email address.");
  }

  private Found one(Person listed) {
    return new Found.One(client.person(listed.id()));
  }

  /** People of the managed org, bots left out, with a name to match. */
  private List<Person> listed(List<Person> people) {
    return people.stream().filter(p -> org.contains(p.orgId()) && !p.isBot() && p.displayName() != null).toList();
  }

  /** The first name, the last name and each word of the display name, each in {@link NameKey}'s form. */
  private static Set<String> parts(Person p) {
    Set<String> parts = new LinkedHashSet<>(List.of(NameKey.of(p.displayName()).split(" ")));
    if (p.firstName() != null) parts.add(NameKey.of(p.firstName()));
    if (p.lastName() != null) parts.add(NameKey.of(p.lastName()));
    parts.remove("");
    return parts;
  }

  /** How far {@code wanted} is from the person's display name, or from one of its words when one word is typed. */
  private static int distance(String wanted, Person p) {
    int d = EditDistance.of(wanted, NameKey.of(p.displayName()));
    if (!wanted.contains(" ")) {
      for (String part : parts(p)) d = Math.min(d, EditDistance.of(wanted, part));
    }
    return d;
  }

  static String label(Person p) {
    String name = p.displayName() == null ? "(no name)" : p.displayName();
    return p.email() == null ? name : name + " (" + p.email().toLowerCase(Locale.ROOT) + ")";
  }
}
