package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ValuesTest {

  @Test
  void namedLocations_areTrimmedAndDeduplicatedCaseInsensitivelyInOrder() {
    var named = new LocationTarget.Named(List.of(" HQ ", "Austin", "hq", "New   York", "AUSTIN"));

    assertThat(named.names()).containsExactly("HQ", "Austin", "New York");
  }

  @Test
  void namedLocations_withoutAName_areRefused() {
    assertThatThrownBy(() -> new LocationTarget.Named(List.of(" ", "")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void personRef_email_isLowerCasedAndUnwrapped() {
    var person = new PersonRef(" <Alice.Smith@Example.COM> ");

    assertThat(person.query()).isEqualTo("alice.smith@example.com");
    assertThat(person.isEmail()).isTrue();
  }

  @Test
  void personRef_name_isKeptAsTypedWithoutQuotes() {
    var person = new PersonRef("\"Alice  Smith\"");

    assertThat(person.query()).isEqualTo("Alice Smith");
    assertThat(person.isEmail()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+12147691003", "214-769-1003", "(214) 769.1003", "911", "+44 20 7946 0958"})
  void dialString_acceptsPhoneShapedText(String text) {
    assertThat(DialString.parse(text)).contains(new DialString(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12", "banana", "+1 800 FLOWERS", "123456789012345678901", "+1+2+3", "1-2"})
  void dialString_refusesOtherText(String text) {
    assertThat(DialString.parse(text)).isEmpty();
    assertThatThrownBy(() -> new DialString(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void interceptOptions_none_isEmpty_andAnyNamedOptionIsNot() {
    assertThat(InterceptOptions.none().isEmpty()).isTrue();
    assertThat(new InterceptOptions(false, null, null, null, null, null).isEmpty()).isFalse();
    assertThat(new InterceptOptions(null, null, null, null, null, InboundType.ALLOW_ALL).isEmpty()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, -1})
  void transferSlot_outsideOneToThree_isRefused(int slot) {
    var alice = new PersonRef("alice@example.com");

    assertThatThrownBy(() -> new Command.ClearTransferNumber(alice, slot))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.SetTransferNumber(alice, slot, new DialString("+12055553651")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionalTexts_blankMeansNone() {
    assertThat(new Command.ListLocations("  ").filter()).isNull();
    assertThat(new Command.History("").location()).isNull();
    assertThat(new Command.Help(" intercept ").topic()).isEqualTo("intercept");
  }
}
