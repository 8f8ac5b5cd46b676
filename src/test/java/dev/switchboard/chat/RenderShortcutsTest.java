package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ops.Reply;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shortcuts the renderers take for plain text (issue 19: no pattern run over a reply that cannot match it) give
 * what the long way gives, for any text: mixed ASCII, letters of other scripts, emoji, controls, bidi and private-use
 * characters, lone surrogates.
 */
final class RenderShortcutsTest {

  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cs}\\u2028\\u2029[\\p{Cc}&&[^\\n]]]");

  @Provide
  Arbitrary<String> text() {
    Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~');
    Arbitrary<Character> odd = Arbitraries.of('\n', '\t', '\u0007', '\u0085', '\u00A0', 'é', 'ß', 'Ж', '中', '\u200B',
        '\u202E', '\u2028', '\uE000', '\uE001', '\uE002', '\uE003', '\uD83D', '\uDE00', '\uFFFF', '\u0378');
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, ascii), net.jqwik.api.Tuple.of(2, odd))
        .list().ofMaxSize(40).map(cs -> {
          StringBuilder b = new StringBuilder();
          cs.forEach(b::append);
          return b.toString();
        });
  }

  @Property(tries = 3000)
  void markupOutsideLiterals_neverCarriesAnUnsafeCharacter(@ForAll("text") String text) {
    String out = Literal.render(text, UnaryOperator.identity(), (literal, inCode) -> "[" + literal + "]");
    assertThat(UNSAFE.matcher(out).find()).as("rendered %s", out).isFalse();
  }

  @Example
  void aSurrogatePairSplitByAHoleMarker_isWholeAgain() {
    String split = "\uD83D\uE002\uDE00";
    assertThat(Literal.render(split, UnaryOperator.identity(), (literal, inCode) -> literal)).isEqualTo("\uD83D\uDE00");
  }

  @Property(tries = 3000)
  void textWithoutLiterals_isTheMarkupWithUnsafeCharactersDropped(@ForAll("text") String text) {
    // Literal and hole markers typed into the text are dropped first (a surrogate pair split by one is whole again).
    String clean = text.replace(String.valueOf(Reply.LITERAL_START), "").replace(String.valueOf(Reply.LITERAL_END), "")
        .replace("\uE002", "").replace("\uE003", "");
    assertThat(Literal.render(clean, UnaryOperator.identity(), (literal, inCode) -> literal))
        .isEqualTo(UNSAFE.matcher(clean).replaceAll(""));
  }

  @Property(tries = 3000)
  void unlinkedMarkup_shortcutAgreesWithThePattern(@ForAll("text") String text) {
    for (String s : new String[] {text, text + " www.example.com", "see https://" + text, "WwW." + text}) {
      String www = Pattern.compile("(?i)\\b(www)\\.").matcher(s).replaceAll(m -> m.group(1) + "\u2024");
      String pattern = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*):(?=//)").matcher(www)
          .replaceAll(m -> m.group(1) + "\uA789");
      assertThat(Literal.unlinkedMarkup(s)).isEqualTo(pattern);
    }
  }

  @Property(tries = 3000)
  void inert_shortcutAgreesWithTheNormalizer(@ForAll("text") String text) {
    String longWay = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}\\u2028\\u2029]")
        .matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("[\\r\\n\\t]", " "))
        .replaceAll("");
    assertThat(Reply.inert(text)).isEqualTo(longWay);
  }

  @Property(tries = 3000)
  void utf8Length_isTheEncodedLength_forWellFormedText(@ForAll("text") String text) {
    String wellFormed = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(Fitting.bytes(wellFormed)).isEqualTo(wellFormed.getBytes(StandardCharsets.UTF_8).length);
  }
}
