package dev.switchboard.ops;

import dev.switchboard.calling.Person;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.command.PersonRef;
import java.util.List;
import java.util.Locale;

/** Finds the person a command names: by email exactly, or by display name (unique, else a short list). */
final class PeopleFinder {

  /** What a look-up found. */
  sealed interface Found {
    record One(Person person) implements Found {}

    record Several(List<Person> people) implements Found {}

    record None(String message) implements Found {}
  }

  private final WebexClient client;
  private final ManagedOrg org;

  PeopleFinder(WebexClient client, ManagedOrg org) {
    this.client = client;
    this.org = org;
  }

  Found find(PersonRef ref) {
    String query = ref.query().trim();
    if (ref.isEmail()) {
      List<Person> people = client.peopleByEmail(query).stream()
          .filter(p -> p.emails() != null && p.emails().stream().anyMatch(e -> e.equalsIgnoreCase(query)))
          .filter(p -> org.contains(p.orgId()))
          .toList();
      if (people.isEmpty()) return new Found.None("No one in this organisation has the email `" + query + "`.");
      return new Found.One(client.person(people.get(0).id()));
    }
    List<Person> people = client.peopleByDisplayName(query).stream()
        .filter(p -> org.contains(p.orgId()) && !p.isBot())
        .toList();
    List<Person> exact = people.stream()
        .filter(p -> p.displayName() != null && p.displayName().equalsIgnoreCase(query)).toList();
    if (exact.size() == 1) return new Found.One(client.person(exact.get(0).id()));
    if (people.size() == 1) return new Found.One(client.person(people.get(0).id()));
    if (people.isEmpty()) {
      return new Found.None("No one in this organisation is called `" + query + "`. Try their email address.");
    }
    return new Found.Several(exact.size() > 1 ? exact : people);
  }

  static String label(Person p) {
    String name = p.displayName() == null ? "(no name)" : p.displayName();
    return p.email() == null ? name : name + " (" + p.email().toLowerCase(Locale.ROOT) + ")";
  }
}
