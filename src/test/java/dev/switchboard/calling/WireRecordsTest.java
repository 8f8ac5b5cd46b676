package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.InterceptSettings.Greeting;
import dev.switchboard.calling.InterceptSettings.IncomingType;
import dev.switchboard.calling.InterceptSettings.OutgoingType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WireRecordsTest {

  static final String INTERCEPT_SEED = """
      {"enabled":true,"incoming":{"type":"INTERCEPT_ALL","voicemailEnabled":false,"announcements":{"greeting":"DEFAULT",\
      "fileName":"audiofile.wav","newNumber":{"enabled":true,"destination":"2147691003"},"zeroTransfer":{"enabled":true,\
      "destination":"2147691005"}}},"outgoing":{"type":"ALLOW_LOCAL_ONLY","transferEnabled":true,\
      "destination":"2147691007"}}""";

  static final String TRANSFER_SEED = """
      {"useCustomTransferNumbers":true,"autoTransferNumber1":"+1205553650","autoTransferNumber2":"+1205553651",\
      "autoTransferNumber3":"+1205553652"}""";

  private final ObjectMapper mapper = WebexHttp.newObjectMapper();

  @Test
  void interceptSeed_roundTripsToEquivalentJson() throws Exception {
    var settings = mapper.readValue(INTERCEPT_SEED, InterceptSettings.class);

    assertThat(settings.enabled()).isTrue();
    assertThat(settings.incoming().type()).isEqualTo(IncomingType.INTERCEPT_ALL);
    assertThat(settings.incoming().announcements().greeting()).isEqualTo(Greeting.DEFAULT);
    assertThat(settings.incoming().announcements().zeroTransfer().destination()).isEqualTo("2147691005");
    assertThat(settings.outgoing().type()).isEqualTo(OutgoingType.ALLOW_LOCAL_ONLY);
    assertThat(mapper.readTree(mapper.writeValueAsString(settings))).isEqualTo(mapper.readTree(INTERCEPT_SEED));
  }

  @Test
  void transferNumbersSeed_roundTripsToEquivalentJson() throws Exception {
    var numbers = mapper.readValue(TRANSFER_SEED, TransferNumbers.class);

    assertThat(numbers).isEqualTo(new TransferNumbers(true, "+1205553650", "+1205553651", "+1205553652"));
    assertThat(mapper.readTree(mapper.writeValueAsString(numbers))).isEqualTo(mapper.readTree(TRANSFER_SEED));
  }

  @Test
  void partialInterceptSettings_writeOnlyTheFieldsSet() throws Exception {
    var settings = new InterceptSettings(false, null, null);

    assertThat(mapper.writeValueAsString(settings)).isEqualTo("{\"enabled\":false}");
  }

  @Test
  void plainObjectMapper_stillOmitsNullsAndIgnoresUnknownFields() throws Exception {
    var plain = new ObjectMapper();

    var numbers = plain.readValue("{\"useCustomTransferNumbers\":false,\"autoTransferNumber1\":null,\"extra\":1}",
        TransferNumbers.class);

    assertThat(plain.writeValueAsString(numbers)).isEqualTo("{\"useCustomTransferNumbers\":false}");
  }

  @Test
  void unknownEnumValues_readAsUnknown_andAreFlagged() throws Exception {
    var settings = mapper.readValue("""
        {"enabled":true,"incoming":{"type":"INTERCEPT_SOME","announcements":{"greeting":"FANCY"}},
         "outgoing":{"type":"ALLOW_NATIONAL"}}""", InterceptSettings.class);

    assertThat(settings.incoming().type()).isEqualTo(IncomingType.UNKNOWN);
    assertThat(settings.incoming().announcements().greeting()).isEqualTo(Greeting.UNKNOWN);
    assertThat(settings.outgoing().type()).isEqualTo(OutgoingType.UNKNOWN);
    assertThat(settings.hasUnknownValues()).isTrue();
    assertThat(mapper.readValue(INTERCEPT_SEED, InterceptSettings.class).hasUnknownValues()).isFalse();
  }

  @Test
  void personApiSpelling_filename_isReadAsFileName() throws Exception {
    var announcements = mapper.readValue("{\"greeting\":\"CUSTOM\",\"filename\":\"hello.wav\"}",
        InterceptSettings.Announcements.class);

    assertThat(announcements.fileName()).isEqualTo("hello.wav");
    assertThat(mapper.writeValueAsString(announcements)).contains("\"fileName\":\"hello.wav\"");
  }

  @Test
  void withMethods_changeOneFieldAndKeepTheRest() throws Exception {
    var settings = mapper.readValue(INTERCEPT_SEED, InterceptSettings.class);

    var changed = settings.withEnabled(false)
        .withIncoming(settings.incoming().withVoicemailEnabled(true));
    var cleared = settings.outgoing().withDestination("");

    assertThat(changed.enabled()).isFalse();
    assertThat(changed.incoming().voicemailEnabled()).isTrue();
    assertThat(changed.incoming().announcements()).isEqualTo(settings.incoming().announcements());
    assertThat(changed.outgoing()).isEqualTo(settings.outgoing());
    assertThat(cleared.destination()).isEmpty();
    assertThat(cleared.type()).isEqualTo(OutgoingType.ALLOW_LOCAL_ONLY);
    assertThat(cleared.transferEnabled()).isTrue();
  }

  @Test
  void transferNumbers_slotsReadAndWriteByNumber() {
    var numbers = new TransferNumbers(true, "+1", null, "+3");

    assertThat(numbers.number(1)).isEqualTo("+1");
    assertThat(numbers.number(2)).isNull();
    assertThat(numbers.withNumber(2, "").autoTransferNumber2()).isEmpty();
    assertThat(numbers.withNumber(3, "+9")).isEqualTo(new TransferNumbers(true, "+1", null, "+9"));
    assertThatIllegalArgumentException().isThrownBy(() -> numbers.number(4));
    assertThatIllegalArgumentException().isThrownBy(() -> numbers.withNumber(0, "+1"));
  }

  @Test
  void clearedTransferNumber_isSentAsEmptyString() throws Exception {
    var numbers = new TransferNumbers(true, null, "", null);

    assertThat(mapper.writeValueAsString(numbers))
        .isEqualTo("{\"useCustomTransferNumbers\":true,\"autoTransferNumber2\":\"\"}");
  }

  @Test
  void newMessage_needsExactlyOneOfRoomAndPerson() {
    assertThatIllegalArgumentException().isThrownBy(() -> new NewMessage(null, null, null, "hi", null, null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new NewMessage("room", "a@example.com", null, "hi", null, null));
    assertThat(NewMessage.toRoom("room", "hi").roomId()).isEqualTo("room");
  }

  @Test
  void newMessage_allowsOneAttachmentOnly() {
    var card = Attachment.adaptiveCard(mapper.createObjectNode().put("type", "AdaptiveCard"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new NewMessage("room", null, null, "hi", null, List.of(card, card)));
    assertThat(new NewMessage("room", null, null, null, "hi", List.of(card)).attachments()).containsExactly(card);
    assertThat(new NewMessage("room", null, null, null, "hi", List.of()).attachments()).isNull();
  }

  @Test
  void message_readsCreatedAsInstant_andIgnoresUnknownFields() throws Exception {
    var message = mapper.readValue("""
        {"id":"m1","roomId":"r1","roomType":"group","text":"Switchboard intercept on at HQ",
         "personEmail":"alice@example.com","mentionedPeople":["bot"],"created":"2015-10-18T14:26:16.000Z",
         "isVoiceClip":false,"files":[]}""", Message.class);

    assertThat(message.created()).isEqualTo(Instant.parse("2015-10-18T14:26:16Z"));
    assertThat(message.mentionedPeople()).containsExactly("bot");
  }

  @Test
  void attachmentAction_keepsStringInputs_andCoercesOthers() throws Exception {
    var action = mapper.readValue("""
        {"id":"a1","type":"submit","messageId":"m1","inputs":{"choice":"confirm","count":3,"on":true,
         "nested":{"a":1},"gone":null}}""", AttachmentAction.class);

    assertThat(action.inputs()).containsExactly(
        org.assertj.core.api.Assertions.entry("choice", "confirm"),
        org.assertj.core.api.Assertions.entry("count", "3"),
        org.assertj.core.api.Assertions.entry("on", "true"),
        org.assertj.core.api.Assertions.entry("nested", "{\"a\":1}"));
  }

  @Test
  void attachmentAction_withoutInputs_hasAnEmptyMap() throws Exception {
    var action = mapper.readValue("{\"id\":\"a1\",\"type\":\"submit\",\"messageId\":\"m1\"}", AttachmentAction.class);

    assertThat(action.inputs()).isEmpty();
  }

  @Test
  void adaptiveCard_hasTheAdaptiveContentType() {
    JsonNode card = mapper.createObjectNode().put("type", "AdaptiveCard").put("version", "1.3");

    assertThat(Attachment.adaptiveCard(card).contentType()).isEqualTo("application/vnd.microsoft.card.adaptive");
  }

  @Test
  void webhookRecords_requireTheirFields_andHideSecrets() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new NewWebhook("n", " ", "messages", "created", null, "s"));
    assertThatIllegalArgumentException().isThrownBy(() -> new WebhookUpdate(null, "https://x", null, "active"));
    assertThat(new NewWebhook("n", "https://x", "messages", "created", null, "s3cret").toString())
        .doesNotContain("s3cret");
  }

  @Test
  void reactivate_keepsNameUrlAndSecret() {
    var webhook = new Webhook("w1", "switchboard-messages", "https://bot/webex/webhook", "messages", "created",
        null, "s3cret", "inactive", null, null, null, "creator", null);

    assertThat(WebhookUpdate.reactivate(webhook))
        .isEqualTo(new WebhookUpdate("switchboard-messages", "https://bot/webex/webhook", "s3cret", "active"));
  }
}
