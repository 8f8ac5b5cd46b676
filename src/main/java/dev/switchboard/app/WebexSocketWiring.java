package dev.switchboard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.chat.Backoff;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.SocketStatus;
import dev.switchboard.chat.webex.WebexInbox;
import dev.switchboard.chat.webex.socket.DeviceService;
import dev.switchboard.chat.webex.socket.MercurySocket;
import dev.switchboard.store.PgSessionLeader;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds the Webex websocket: its device service, the settings' timers and backoff, and the inbox it feeds. */
final class WebexSocketWiring {

  private WebexSocketWiring() {}

  /** The socket as the job one replica at a time leads: started, stood by, running, failed. */
  static PgSessionLeader.Led led(MercurySocket socket) {
    return new PgSessionLeader.Led() {
      @Override
      public void start() {
        socket.start();
      }

      @Override
      public void standBy(String why) {
        socket.standBy(why);
      }

      @Override
      public boolean running() {
        return socket.running();
      }

      @Override
      public boolean failed() {
        return socket.status().state() == SocketStatus.State.FAILED;
      }
    };
  }

  static MercurySocket socket(Service.WebexSocketSide side, Service.Settings s, ObjectMapper mapper,
      WebexInbox inbox) {
    // The shared pool, without a read timeout: the socket is quiet between pings, and a dead one is found by its pongs.
    OkHttpClient http = s.http().newBuilder().readTimeout(Duration.ZERO).socketFactory(new NoDelaySockets()).build();
    SocketStatus status = new SocketStatus();
    Metrics metrics = s.metrics();
    metrics.webexSocket(status);
    return new MercurySocket(new DeviceService(side.u2c(), http, side.botTokens(), mapper), http, side.botTokens(),
        mapper, envelope -> {
          long start = System.nanoTime();
          Fate fate = inbox.accept(envelope);
          // Beside the webhook's: the time from an activity's arrival to its hand-over to the pool.
          metrics.webhookHandled("webex_socket", fate.metric(), Duration.ofNanos(System.nanoTime() - start));
        }, s.socketTime().timers().apply("switchboard-webex-socket"), new Backoff(s.socketTime().jitter()), status);
  }
}
