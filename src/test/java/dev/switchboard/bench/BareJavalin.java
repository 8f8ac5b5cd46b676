package dev.switchboard.bench;

import io.javalin.Javalin;

/**
 * The webhook baseline: a bare Javalin endpoint (the version Switchboard uses) that reads the body and
 * answers 200, run by the benchmark in its own process with Switchboard's JVM flags. Argument: the port.
 */
public final class BareJavalin {

  private BareJavalin() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = 64 * 1024;
      config.routes.post("/webex/webhook", ctx -> {
        ctx.bodyAsBytes();
        ctx.status(200).result("");
      });
      config.routes.post("/slack/commands", ctx -> {
        ctx.bodyAsBytes();
        ctx.status(200).result("");
      });
      config.routes.get("/readyz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ready\"}"));
    }).start("127.0.0.1", port);
  }
}
