package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the one declaration of the environment variables says about each. */
final class VariableTest {

  @Test
  void credentials_areSecret_settingsAreNot() {
    assertThat(Arrays.stream(Variable.values()).filter(Variable::secret))
        .contains(Variable.WEBEX_BOT_TOKEN, Variable.WEBEX_WEBHOOK_SECRET, Variable.WEBEX_ADMIN_TOKEN,
            Variable.WEBEX_CLIENT_SECRET, Variable.WEBEX_REFRESH_TOKEN, Variable.SLACK_BOT_TOKEN,
            Variable.SLACK_SIGNING_SECRET)
        .doesNotContain(Variable.PORT, Variable.SWITCHBOARD_DATA_DIR, Variable.WEBEX_API_BASE);
  }

  @Test
  void meaning_saysTheDefault() {
    assertThat(Variable.PORT.meaning()).contains("8080");
    assertThat(Variable.values()).allSatisfy(v -> assertThat(v.meaning()).isNotBlank());
  }

  @Test
  void in_readsTheVariableByItsName() {
    assertThat(Variable.PORT.in(Map.of("PORT", "9000"))).isEqualTo("9000");
    assertThat(Variable.PORT.in(Map.of())).isNull();
  }
}
