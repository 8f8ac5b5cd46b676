package dev.switchboard.chat.webex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class MentionStripperTest {

  private final MentionStripper stripper = new MentionStripper("BOT-ID", "Switchboard Bot");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Switchboard Bot intercept on at HQ | <p><spark-mention data-object-type=\"person\" data-object-id=\"BOT-ID\">Switchboard Bot</spark-mention> intercept on at HQ</p> | intercept on at HQ",
      "Switchboard intercept on at HQ | <p><spark-mention data-object-type=\"person\" data-object-id=\"BOT-ID\">Switchboard</spark-mention> intercept on at HQ</p> | intercept on at HQ",
      "Switchboard Bot, help | | help",
      "switchboard: whoami | | whoami",
      "intercept status | | intercept status",
      "Switchboards are great | | Switchboards are great",
  })
  void strip_leadingMention_removed(String text, String html, String expected) {
    assertThat(stripper.strip(text, html)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Alice intercept on at HQ | <p><spark-mention data-object-type=\"person\" data-object-id=\"ALICE-ID\">Alice</spark-mention> intercept on at HQ</p> | Alice intercept on at HQ",
  })
  void strip_mentionOfSomeoneElse_keptAsTyped(String text, String html, String expected) {
    assertThat(stripper.strip(text, html)).isEqualTo(expected);
  }
}
