package dev.switchboard.chat.webex.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.StaticTokenProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The catalog read for the device service also names the clusters the pushed activities' ids are built with. */
class DeviceServiceTest {

  @StartStop
  final MockWebServer u2c = new MockWebServer();

  @Test
  void theCatalogsHosts_nameTheClusters_untilThenEveryIdIsUs() throws Exception {
    u2c.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
        {"serviceLinks": {"wdm": "https://wdm-k.wbx2.com/wdm/api/v1"},
         "hostCatalog": {"conv-k.wbx2.com": [{"host": "conv-k.wbx2.com", "ttl": -1, "priority": 5,
                                              "id": "urn:TEAM:eu-central-1_k:conversation"}]},
         "format": "hostmap"}""").build());
    DeviceService devices = new DeviceService(u2c.url("/u2c/api/v1"), new OkHttpClient(),
        new StaticTokenProvider("bot-token"), new ObjectMapper());
    String conversation = "https://conv-k.wbx2.com/conversation/api/v1/conversations/7c0ffee0";
    assertThat(devices.clusters().of(conversation)).isEqualTo("us");

    assertThat(devices.deviceService().toString()).isEqualTo("https://wdm-k.wbx2.com/wdm/api/v1");

    assertThat(devices.clusters().of(conversation)).isEqualTo("urn:TEAM:eu-central-1_k");
    assertThat(u2c.takeRequest().getTarget()).isEqualTo("/u2c/api/v1/catalog?format=hostmap");
  }
}
