package dev.switchboard.calling;

import java.util.Optional;
import java.util.function.Supplier;

/** Keeps the newest OAuth refresh token across restarts. */
public interface RefreshTokenStore {

  /** The stored refresh token, if any. */
  Optional<String> load();

  /** Replaces the stored refresh token. */
  void save(String refreshToken);

  /**
   * Runs a token exchange while no other process sharing this store runs one, so two replicas never both spend
   * one refresh token (a rotation by one would leave the other holding a spent token). One process alone has
   * nothing to wait for.
   */
  default <T> T exchanging(Supplier<T> exchange) {
    return exchange.get();
  }
}
