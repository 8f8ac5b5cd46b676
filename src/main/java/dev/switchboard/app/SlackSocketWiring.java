package dev.switchboard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.chat.Backoff;
import dev.switchboard.chat.SocketStatus;
import dev.switchboard.chat.slack.SlackInbox;
import dev.switchboard.chat.slack.socket.SlackEnvelopes;
import dev.switchboard.chat.slack.socket.SocketMode;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds Slack's Socket Mode connection: the app token, the settings' timers and backoff, and the inbox it feeds. */
final class SlackSocketWiring {

  private static final Duration PING_EVERY = Duration.ofSeconds(30);

  private SlackSocketWiring() {}

  static SocketMode socket(Service.SlackSide side, Service.Settings s, ObjectMapper mapper, SlackInbox inbox) {
    // The shared pool, without a read timeout (the connection is quiet between envelopes), and pinged by us: a
    // connection that died without a close answers no pong, fails, and is replaced after the backoff.
    OkHttpClient http = s.http().newBuilder().readTimeout(Duration.ZERO).pingInterval(PING_EVERY)
        .socketFactory(new NoDelaySockets()).build();
    SocketStatus status = new SocketStatus();
    s.metrics().slackSocket(status);
    // Beside the request URLs' figures: the time from an envelope's arrival to its hand-over to the pool.
    SlackEnvelopes envelopes = new SlackEnvelopes(inbox, mapper,
        (fate, took) -> s.metrics().webhookHandled("slack_socket", fate.metric(), took));
    return new SocketMode(side.apiBase(), side.appToken().orElseThrow(), http, mapper, envelopes,
        s.socketTime().timers().apply("switchboard-slack-socket"), new Backoff(s.socketTime().jitter()), status);
  }
}
