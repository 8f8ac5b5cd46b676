package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class NameKeyTest {

  @ParameterizedTest(name = "[{index}] {0} ~ {1}")
  @CsvSource(delimiter = '|', value = {
      "Zu\u0308rich|zürich",            // decomposed (as macOS files names) and composed
      "ZÜRICH|Zürich",
      "\uFF28\uFF31|HQ",                  // fullwidth letters
      "\uFF28\uFF31\uFF0D\uFF25\uFF41\uFF53\uFF54|hq-east",
      "Straße|STRASSE",                    // ß folds to ss
      "Bar\u00A0\u00A0Grill|bar grill",    // no-break spaces collapse
      "'  New \t York  '|new york",
      "Ｎｅｗ\u3000Ｙｏｒｋ|New York",        // ideographic space
      "ΟΔΥΣΣΕΥΣ|οδυσσευσ",                 // final and medial sigma
      "Ca\u200Bfé|CAFÉ",                   // a zero-width space is not part of a name
      "\uFB01eld|FIELD"})                  // the fi ligature
  void sameName_inEveryForm(String one, String other) {
    assertThat(NameKey.of(one)).isEqualTo(NameKey.of(other));
    assertThat(NameKey.same(one, other)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0} !~ {1}")
  @CsvSource(delimiter = '|', value = {"Zurich|Zürich", "HQ-East|HQ East", "Austin|Austen"})
  void differentNames_stayDifferent(String one, String other) {
    assertThat(NameKey.same(one, other)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"'  HQ  '|hq", "Zu\u0308rich|zürich", "\uFF28\uFF31|hq"})
  void form_isLowerCaseComposedAndStripped(String name, String key) {
    assertThat(NameKey.of(name)).isEqualTo(key);
  }

  /** The ASCII shortcut gives exactly what the normalizer gives, spaces, case and punctuation included. */
  @Property(tries = 2000)
  void asciiShortcut_isTheNormalizersForm(
      @ForAll @StringLength(max = 24) @CharRange(from = ' ', to = '~') @Chars({'\t', '\u00A0', 'É'}) String name) {
    assertThat(NameKey.of(name)).isEqualTo(NameKey.normalized(name));
  }
}
