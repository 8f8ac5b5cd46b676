package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.command.NameKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/** The managed org's calling-enabled locations, matched by name on our side. */
public final class LocationDirectory {

  /**
   * A name that matches nothing is looked for again in a list read afresh, unless the list is younger than this: a
   * location added in Control Hub a moment ago can be used at once, while a flood of typos reads it at most this often.
   */
  static final Duration MISS_REREAD_AFTER = Duration.ofSeconds(10);

  private static final String ALL = "all";

  private final String defaultRegion;
  private final Policy policy;
  private final Ticker ticker;
  // Every command that names a location needs the list; locations change rarely, so one list is
  // kept for a minute (one entry), which keeps a warm single change within its five Webex calls.
  // A command in steady use never waits for the two list calls ({@link ReadAheadCache}).
  // Which locations have calling comes from the Calling list; their address (country, for reading
  // phone numbers) and time zone from the general one, joined by id.
  private final LoadingCache<String, Lists> locations;

  /**
   * The calling-enabled locations (with their details) and the others, which have no intercept; the calling ones
   * sorted by name and by id (made once per load: every command looks them up); when they were read.
   */
  private record Lists(List<Location> calling, Map<String, Location> callingById, List<Location> withoutCalling,
      long readAtNanos) {}

  /**
   * A directory that also knows the policy's aliases for location names ({@code headquarters: HQ}) and reads the
   * list again ahead of its expiry on {@code refresher}.
   */
  public LocationDirectory(WebexClient client, Ticker ticker, Duration ttl, String defaultRegion, Policy policy,
      Executor refresher) {
    this.defaultRegion = defaultRegion;
    this.policy = policy;
    this.ticker = ticker;
    this.locations = ReadAheadCache.of("the location list", ttl, 1, ticker, refresher,
        key -> lists(client.callingLocations(), client.locations(), ticker.read()));
  }

  private static Lists lists(List<Location> calling, List<Location> all, long readAtNanos) {
    Map<String, Location> byId = new HashMap<>();
    all.forEach(l -> byId.put(l.id(), l));
    List<Location> withDetails = calling.stream().map(l -> byId.getOrDefault(l.id(), l)).toList();
    Set<String> callingIds = calling.stream().map(Location::id).collect(Collectors.toSet());
    List<Location> others = all.stream().filter(l -> !callingIds.contains(l.id())).toList();
    List<Location> sorted = withDetails.stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    Map<String, Location> sortedById = new HashMap<>();
    sorted.forEach(l -> {
      if (l.id() != null) sortedById.putIfAbsent(l.id(), l);
    });
    return new Lists(sorted, Map.copyOf(sortedById), others, readAtNanos);
  }

  /** A location of that exact name that has no Webex Calling, if there is one. */
  public Optional<Location> withoutCalling(String name) {
    return locations.get(ALL).withoutCalling().stream()
        .filter(l -> l.name() != null && NameKey.same(l.name(), name))
        .findFirst();
  }

  /** Every calling-enabled location, sorted by name. */
  public List<Location> all() {
    return locations.get(ALL).calling();
  }

  /** The location called {@code name}; a name that matches nothing is looked for in the list read again. */
  public LocationMatch match(String name) {
    Lists lists = locations.get(ALL);
    LocationMatch match = LocationMatch.among(name, lists.calling(), policy::aliasFor);
    if (!(match instanceof LocationMatch.NotFound)
        || ticker.read() - lists.readAtNanos() < MISS_REREAD_AFTER.toNanos()) {
      return match;
    }
    locations.invalidate(ALL);
    return probe(name);
  }

  /** {@link #match} in the list as it is, never read again: for trying the pieces of a name, most of which miss. */
  public LocationMatch probe(String name) {
    return LocationMatch.among(name, all(), policy::aliasFor);
  }

  public Optional<Location> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(locations.get(ALL).callingById().get(id));
  }

  /** The region numbers typed for this location are read in: its country, else the default. */
  public String regionOf(Location location) {
    if (location != null && location.address() != null && location.address().country() != null
        && location.address().country().length() == 2) {
      return location.address().country().toUpperCase(Locale.ROOT);
    }
    return defaultRegion;
  }

  public String defaultRegion() {
    return defaultRegion;
  }
}
