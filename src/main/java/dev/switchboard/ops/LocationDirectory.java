package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.util.stream.Collectors;

/** The managed org's calling-enabled locations, matched by name on our side. */
public final class LocationDirectory {

  private final String defaultRegion;
  private final Policy policy;
  // Every command that names a location needs the list; locations change rarely, so one list is
  // kept for a minute (one entry), which keeps a warm single change within its five Webex calls.
  // Which locations have calling comes from the Calling list; their address (country, for reading
  // phone numbers) and time zone from the general one, joined by id.
  private final LoadingCache<String, Lists> locations;

  /** The calling-enabled locations (with their details) and the others, which have no intercept. */
  /** The calling locations sorted by name and by id (made once per load: every command looks them up). */
  private record Lists(List<Location> calling, Map<String, Location> callingById, List<Location> withoutCalling) {}

  public LocationDirectory(WebexClient client, Ticker ticker, Duration ttl, String defaultRegion) {
    this(client, ticker, ttl, defaultRegion, Policy.empty());
  }

  /** A directory that also knows the policy's aliases for location names ({@code headquarters: HQ}). */
  public LocationDirectory(WebexClient client, Ticker ticker, Duration ttl, String defaultRegion, Policy policy) {
    this.defaultRegion = defaultRegion;
    this.policy = policy;
    this.locations = Caffeine.newBuilder()
        .ticker(ticker)
        .expireAfterWrite(ttl)
        .maximumSize(1)
        .build(key -> lists(client.callingLocations(), client.locations()));
  }

  private static Lists lists(List<Location> calling, List<Location> all) {
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
    return new Lists(sorted, Map.copyOf(sortedById), others);
  }

  /** A location of that exact name that has no Webex Calling, if there is one. */
  public Optional<Location> withoutCalling(String name) {
    return locations.get("all").withoutCalling().stream()
        .filter(l -> l.name() != null && NameKey.same(l.name(), name))
        .findFirst();
  }

  /** Every calling-enabled location, sorted by name. */
  public List<Location> all() {
    return locations.get("all").calling();
  }

  public LocationMatch match(String name) {
    return LocationMatch.among(name, all(), policy::aliasFor);
  }

  public Optional<Location> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(locations.get("all").callingById().get(id));
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

  /** Forgets the list, so the next command reads it fresh. */
  public void refresh() {
    locations.invalidateAll();
  }
}
