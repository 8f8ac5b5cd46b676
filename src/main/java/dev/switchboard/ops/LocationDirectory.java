package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.LocationMatch;
import dev.switchboard.calling.WebexClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/** The managed org's calling-enabled locations, matched by name on our side. */
public final class LocationDirectory {

  private final String defaultRegion;
  // Every command that names a location needs the list; locations change rarely, so one list is
  // kept for a minute (one entry), which keeps a warm single change within its five Webex calls.
  // Which locations have calling comes from the Calling list; their address (country, for reading
  // phone numbers) and time zone from the general one, joined by id.
  private final LoadingCache<String, List<Location>> locations;

  public LocationDirectory(WebexClient client, Ticker ticker, Duration ttl, String defaultRegion) {
    this.defaultRegion = defaultRegion;
    this.locations = Caffeine.newBuilder()
        .ticker(ticker)
        .expireAfterWrite(ttl)
        .maximumSize(1)
        .build(key -> withDetails(client.callingLocations(), client.locations(null, null)));
  }

  private static List<Location> withDetails(List<Location> calling, List<Location> all) {
    Map<String, Location> byId = new HashMap<>();
    all.forEach(l -> byId.put(l.id(), l));
    return calling.stream().map(l -> byId.getOrDefault(l.id(), l)).toList();
  }

  /** Every calling-enabled location, sorted by name. */
  public List<Location> all() {
    return locations.get("all").stream()
        .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
        .toList();
  }

  public LocationMatch match(String name) {
    return LocationMatch.among(name, all());
  }

  public Optional<Location> byId(String id) {
    return all().stream().filter(l -> l.id().equals(id)).findFirst();
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
