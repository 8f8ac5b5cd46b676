package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.switchboard.calling.Address;
import dev.switchboard.calling.Location;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LocationMatchTest {

  private static Location location(String name) {
    return new Location("id-" + name, name, "org", null, null, null);
  }

  private static List<Location> locations(String... names) {
    return Arrays.stream(names).map(LocationMatchTest::location).toList();
  }

  private static final List<Location> ORG = locations("HQ", "HQ-East", "HQ-West", "Austin", "Denver", "New York");

  @Test
  void exactName_wins_overPrefixMatches() {
    assertThat(LocationMatch.among("HQ", ORG)).isEqualTo(new LocationMatch.Found(location("HQ")));
  }

  /** "intercept on at al" once ran at Bangalore, the one name with "al" inside it; "at D" at Denver. */
  @Test
  void aNameOfOneOrTwoLetters_matchesOnlyAWholeName_neverAStartOrAnInside() {
    var org = locations("HQ", "Austin", "Denver", "Bangalore", "Sydney");
    for (String cut : List.of("al", "an", "D", "a", "S", "in")) {
      assertThat(LocationMatch.among(cut, org)).as(cut).isInstanceOf(LocationMatch.NotFound.class);
    }
    assertThat(LocationMatch.among("hq", org)).isEqualTo(new LocationMatch.Found(location("HQ")));
    assertThat(LocationMatch.among("Den", org)).isEqualTo(new LocationMatch.Found(location("Denver")));
    assertThat(LocationMatch.among("gal", org)).isEqualTo(new LocationMatch.Found(location("Bangalore")));
  }

  @Test
  void exactName_ignoresCaseAndExtraSpace() {
    assertThat(LocationMatch.among("  new   YORK ", ORG)).isEqualTo(new LocationMatch.Found(location("New York")));
  }

  @Test
  void theAndOfficeAroundAName_areNoPartOfIt_unlessALocationIsCalledSo() {
    assertThat(LocationMatch.among("the HQ office", ORG)).isEqualTo(new LocationMatch.Found(location("HQ")));
    assertThat(LocationMatch.among("the Denver site", ORG)).isEqualTo(new LocationMatch.Found(location("Denver")));
    var org = locations("Austin", "Austin Office");
    assertThat(LocationMatch.among("Austin office", org)).isEqualTo(new LocationMatch.Found(location("Austin Office")));
    assertThat(LocationMatch.among("the office", locations("Austin", "The Office")))
        .isEqualTo(new LocationMatch.Found(location("The Office")));
    assertThat(LocationMatch.among("the Boston office", ORG)).isInstanceOf(LocationMatch.NotFound.class);
    assertThat(LocationMatch.among("HQ (storm)", ORG)).isEqualTo(new LocationMatch.Found(location("HQ")));
    assertThat(LocationMatch.among("Denver: power cut", ORG)).isEqualTo(new LocationMatch.Found(location("Denver")));
    assertThat(LocationMatch.among("Paris (CDG)", locations("Paris (CDG)", "Paris")))
        .isEqualTo(new LocationMatch.Found(location("Paris (CDG)")));
  }

  /** "HQ East" was HQ and HQ-East (split into "HQ" + "East") in a preview a hurried yes would have confirmed. */
  @Test
  void aNameWithOtherSeparators_isThatName() {
    for (String typed : List.of("HQ East", "HQEast", "hq_east", "hq - east", "HQ.East")) {
      assertThat(LocationMatch.among(typed, ORG)).as(typed).isEqualTo(new LocationMatch.Found(location("HQ-East")));
    }
    assertThat(LocationMatch.among("NewYork", ORG)).isEqualTo(new LocationMatch.Found(location("New York")));
  }

  @Test
  void uniquePrefix_isFound() {
    assertThat(LocationMatch.among("aus", ORG)).isEqualTo(new LocationMatch.Found(location("Austin")));
  }

  @Test
  void uniqueContains_isFound() {
    assertThat(LocationMatch.among("east", ORG)).isEqualTo(new LocationMatch.Found(location("HQ-East")));
  }

  @Test
  void uniquePrefix_winsOverOtherContainsMatches() {
    var match = LocationMatch.among("east", locations("Eastside", "HQ-East"));

    assertThat(match).isEqualTo(new LocationMatch.Found(location("Eastside")));
  }

  @Test
  void severalPrefixMatches_areAmbiguous_andListOnlyThePrefixMatches() {
    var match = LocationMatch.among("hq-", locations("HQ-East", "HQ-West", "Old HQ-North"));

    assertThat(match).isEqualTo(new LocationMatch.Ambiguous(locations("HQ-East", "HQ-West")));
  }

  @Test
  void severalContainsMatches_areAmbiguous() {
    var match = LocationMatch.among("ver", locations("Denver", "Vancouver", "Austin"));

    assertThat(match).isEqualTo(new LocationMatch.Ambiguous(locations("Denver", "Vancouver")));
  }

  @Test
  void twoLocationsWithTheSameName_areAmbiguous() {
    var match = LocationMatch.among("hq", locations("HQ", "hq", "HQ-East"));

    assertThat(match).isEqualTo(new LocationMatch.Ambiguous(locations("HQ", "hq")));
  }

  @Test
  void noMatch_offersUpToThreeCloseNamesByEditDistance_closestFirst() {
    var match = LocationMatch.among("Dnever", locations("Denver", "Dover", "Denter", "Danvers", "Austin"));

    assertThat(match).isInstanceOf(LocationMatch.NotFound.class);
    var closest = ((LocationMatch.NotFound) match).closest();
    assertThat(closest).hasSize(3);
    assertThat(closest.get(0).name()).isEqualTo("Denver");
    assertThat(closest).extracting(Location::name).doesNotContain("Austin");
  }

  @Test
  void noMatch_farFromEveryName_offersNone() {
    var match = LocationMatch.among("Warehouse", locations("Austin", "Denver", "Bangalore", "HQ-East"));

    assertThat(match).isEqualTo(new LocationMatch.NotFound(List.of()));
  }

  @Test
  void noLocations_isNotFound_withNoSuggestions() {
    assertThat(LocationMatch.among("HQ", List.of())).isEqualTo(new LocationMatch.NotFound(List.of()));
  }

  @Test
  void blankQuery_isNotFound_ratherThanEverything() {
    assertThat(LocationMatch.among("   ", ORG)).isEqualTo(new LocationMatch.NotFound(List.of()));
  }

  @Test
  void locationsWithoutName_areIgnored() {
    var unnamed = new Location("x", null, null, null, null, null);

    assertThat(LocationMatch.among("aus", List.of(unnamed, location("Austin"))))
        .isEqualTo(new LocationMatch.Found(location("Austin")));
  }

  @Test
  void aCity_findsItsLocation_butNeverBeatsAName() {
    var hq = new Location("hq", "HQ", null, null, null, new Address(null, null, "Dallas", null, null, "US"));
    var dallasLab = new Location("lab", "Dallas Lab", null, null, null,
        new Address(null, null, "Plano", null, null, "US"));

    assertThat(LocationMatch.among("dallas", List.of(hq))).isEqualTo(new LocationMatch.Found(hq));
    assertThat(LocationMatch.among("Dallas", List.of(hq, dallasLab))).isEqualTo(new LocationMatch.Found(dallasLab));
  }

  @Test
  void aNameStoredDecomposedOrFullwidth_isFoundByWhatPeopleType() {
    var zurich = location("Zu\u0308rich");
    var hq = location("\uFF28\uFF31"); // fullwidth, as some directories export it
    var org = List.of(zurich, hq, location("Austin"));

    assertThat(LocationMatch.among("Zürich", org)).isEqualTo(new LocationMatch.Found(zurich));
    assertThat(LocationMatch.among("ZÜRICH", org)).isEqualTo(new LocationMatch.Found(zurich));
    assertThat(LocationMatch.among("hq", org)).isEqualTo(new LocationMatch.Found(hq));
    assertThat(LocationMatch.among("\uFF41\uFF55\uFF53\uFF54\uFF49\uFF4E", org)) // "austin" typed fullwidth
        .isEqualTo(new LocationMatch.Found(location("Austin")));
  }

  @Test
  void aliasOfThePolicy_findsItsLocation_butAnOwnNameWins() {
    Policy policy = PolicyFile.parse("aliases: {headquarters: HQ, \"Head Office\": HQ-East, Austin: Denver}");

    assertThat(LocationMatch.among("Headquarters", ORG, policy::aliasFor))
        .isEqualTo(new LocationMatch.Found(location("HQ")));
    assertThat(LocationMatch.among("head   office", ORG, policy::aliasFor))
        .isEqualTo(new LocationMatch.Found(location("HQ-East")));
    assertThat(LocationMatch.among("Austin", ORG, policy::aliasFor))
        .isEqualTo(new LocationMatch.Found(location("Austin")));
    assertThat(LocationMatch.among("headquarters", ORG)).isInstanceOf(LocationMatch.NotFound.class);
  }

  @Test
  void nullQuery_isRejected() {
    assertThatNullPointerException().isThrownBy(() -> LocationMatch.among(null, ORG));
  }

  @Test
  void editDistance_countsInsertionsDeletionsAndSubstitutions() {
    assertThat(dev.switchboard.command.EditDistance.of("kitten", "sitting")).isEqualTo(3);
    assertThat(dev.switchboard.command.EditDistance.of("", "abc")).isEqualTo(3);
    assertThat(dev.switchboard.command.EditDistance.of("denver", "denver")).isZero();
  }
}
