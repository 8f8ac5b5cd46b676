package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.AdminRole;
import dev.switchboard.calling.Person;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Resolves a requester to a person of the managed org and collects their roles. Deny by default:
 * an unknown person, a bot, and a person of another org whom the policy's {@code externalAdmins} does not name
 * are refused. Orgs are compared by the uuid inside their ids ({@link ManagedOrg#contains}).
 */
public final class Authorizer {

  /** Who someone turned out to be. */
  public sealed interface Resolution {
    record Known(Principal principal) implements Resolution {}

    record Refused(String reason) implements Resolution {}
  }

  private final WebexClient client;
  private final Policy policy;
  private final ManagedOrg org;
  // Role look-ups cost a Webex call each; a person's roles rarely change, so they are kept for a
  // few minutes (PRODUCT.md: "cached briefly"). Bounded by count so a flood of strangers cannot grow it.
  // Someone who keeps typing never waits for the look-up ({@link ReadAheadCache}).
  private final LoadingCache<Asker, Resolution> resolutions;

  public Authorizer(WebexClient client, Policy policy, ManagedOrg org, Ticker ticker, Duration ttl,
      Executor refresher) {
    this.client = client;
    this.policy = policy;
    this.org = org;
    this.resolutions = ReadAheadCache.of("a person's roles", ttl, 10_000, ticker, refresher, this::lookUp);
  }

  /** Who {@code requester} is; a Webex failure propagates and is not kept, so the next message tries again. */
  public Resolution resolve(Requester requester) {
    return resolutions.get(new Asker(requester.webexPersonId(), requester.email()));
  }

  /** What a requester is known by: the Webex person id when the front end has it, and the email. */
  private record Asker(String webexPersonId, String email) {}

  private Resolution lookUp(Asker requester) {
    Optional<Person> found = requester.webexPersonId() != null
        ? byId(requester.webexPersonId())
        : byEmail(requester.email());
    if (found.isEmpty() && requester.webexPersonId() == null) {
      Optional<Resolution> partner = partnerByEmail(requester.email());
      if (partner.isPresent()) return partner.get();
    }
    if (found.isEmpty()) {
      return new Resolution.Refused(who(requester) + " is not a person Switchboard knows in this organisation, "
          + "so you may run nothing here.");
    }
    Person person = found.get();
    if (person.isBot()) {
      return new Resolution.Refused("Bots may not run commands.");
    }
    String email = person.email() != null ? person.email().toLowerCase(Locale.ROOT) : requester.email();
    if (!org.contains(person.orgId())) {
      // A partner admin: a person of another org, let in only when the policy names them, with the role it gives.
      Optional<AdminRole> role = policy.externalRole(email);
      if (role.isEmpty()) {
        return new Resolution.Refused(who(requester) + " belongs to another organisation, so you may run nothing "
            + "here. A partner administrator needs an externalAdmins entry in Switchboard's policy file.");
      }
      return new Resolution.Known(new Principal(person, email, Set.of(role.get()),
          policy.locationsAdministeredBy(email), policy.isOnCall(email), policy.isHelpDesk(email), true));
    }
    Principal principal = new Principal(person, email, person.adminRoles(), policy.locationsAdministeredBy(email),
        policy.isOnCall(email), policy.isHelpDesk(email));
    return new Resolution.Known(principal);
  }

  private Optional<Person> byId(String personId) {
    try {
      return Optional.of(client.person(personId));
    } catch (WebexException e) {
      if (e.status() == 404) return Optional.empty();
      throw e;
    }
  }

  private Optional<Person> byEmail(String email) {
    if (email == null || email.isBlank()) return Optional.empty();
    List<Person> people = client.peopleByEmail(email);
    return people.stream()
        .filter(p -> p.emails() != null && p.emails().stream().anyMatch(e -> e.equalsIgnoreCase(email)))
        .findFirst()
        // The list may leave out roles: read the person for them.
        .map(p -> client.person(p.id()));
  }

  /**
   * A partner admin known only by email (Slack), whom the managed org does not hold: Webex finds no one of another
   * org by email (cross-org email look-ups were switched off in 2022), so where the Webex side reads the person by
   * the id its message carries, here the policy's {@code externalAdmins} entry is the word that this email belongs
   * to a partner admin, with the role it gives. The front end has vouched for the email (Slack: our workspace, a
   * member, confirmed).
   *
   * @see <a href="https://developer.webex.com/blog/webex-people-api-updates">Webex People API updates</a>
   */
  private Optional<Resolution> partnerByEmail(String requested) {
    if (requested == null || requested.isBlank()) return Optional.empty();
    String email = requested.strip().toLowerCase(Locale.ROOT);
    return policy.externalRole(email).map(role -> new Resolution.Known(new Principal(
        new Person(null, List.of(email), null, null, null, null, List.of(), null, "person", List.of()), email,
        Set.of(role), policy.locationsAdministeredBy(email), policy.isOnCall(email), policy.isHelpDesk(email), true)));
  }

  private static String who(Asker requester) {
    return requester.email() != null ? requester.email() : "This account";
  }
}
