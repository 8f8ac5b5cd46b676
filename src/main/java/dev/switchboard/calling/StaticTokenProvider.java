package dev.switchboard.calling;

import java.util.Objects;

/** A fixed token, such as a bot token; a 401 cannot be cured by asking again, so invalidation is a no-op. */
public final class StaticTokenProvider implements TokenProvider {

  private final String token;

  public StaticTokenProvider(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    this.token = token;
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public void invalidate(String rejectedToken) {}

  @Override
  public String toString() {
    return "StaticTokenProvider[token=***]";
  }
}
