package dev.switchboard.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /access_token}: the refresh-token grant of the Service App (form fields {@code grant_type},
 * {@code client_id}, {@code client_secret}, {@code refresh_token}). The access token issued is a valid admin
 * token; the refresh token is returned unchanged, as Webex does while it is far from expiry. Every refusal
 * (unknown client, wrong secret, unknown refresh token, other grant types) is a 400 with a Webex-style body.
 *
 * @see <a href="https://developer.webex.com/docs/integrations">Integrations (access tokens)</a>
 */
final class AccessTokenRoute {

  static final long ACCESS_TOKEN_SECONDS = 1_209_599;
  static final long REFRESH_TOKEN_SECONDS = 7_776_000;

  private final SimState state;

  AccessTokenRoute(SimState state) {
    this.state = state;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/v1/access_token", this::grant);
  }

  private void grant(Context ctx) {
    String grantType = ctx.formParam("grant_type");
    String clientId = ctx.formParam("client_id");
    String clientSecret = ctx.formParam("client_secret");
    String refreshToken = ctx.formParam("refresh_token");
    if (grantType == null || clientId == null || clientSecret == null || refreshToken == null) {
      throw WebexError.badRequest(
          "grant_type, client_id, client_secret and refresh_token are required (form-encoded).");
    }
    if (!grantType.equals("refresh_token")) {
      throw WebexError.badRequest("Unsupported grant_type '" + grantType + "'.");
    }
    DemoOrg org = state.org;
    if (!clientId.equals(org.clientId()) || !clientSecret.equals(org.clientSecret())) {
      throw WebexError.badRequest("Invalid client_id or client_secret.");
    }
    if (!refreshToken.equals(org.refreshToken())) {
      throw WebexError.badRequest("Invalid refresh token (invalid_grant).");
    }
    ctx.attribute(Http.IDENTITY, state.adminIdentity());
    ObjectNode body = state.mapper.createObjectNode();
    body.put("access_token", state.issueAccessToken());
    body.put("expires_in", ACCESS_TOKEN_SECONDS);
    body.put("refresh_token", org.refreshToken());
    body.put("refresh_token_expires_in", REFRESH_TOKEN_SECONDS);
    body.put("token_type", "Bearer");
    ctx.json(body);
  }
}
