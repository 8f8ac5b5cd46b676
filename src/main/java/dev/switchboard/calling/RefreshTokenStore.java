package dev.switchboard.calling;

import java.util.Optional;

/** Keeps the newest OAuth refresh token across restarts. */
public interface RefreshTokenStore {

  /** The stored refresh token, if any. */
  Optional<String> load();

  /** Replaces the stored refresh token. */
  void save(String refreshToken);
}
