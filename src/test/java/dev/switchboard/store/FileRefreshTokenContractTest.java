package dev.switchboard.store;

import dev.switchboard.calling.FileRefreshTokenStore;
import dev.switchboard.calling.RefreshTokenStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The refresh token contract on the data directory's file. */
final class FileRefreshTokenContractTest extends RefreshTokenStoreContract {

  @TempDir Path dir;

  @Override
  RefreshTokenStore open() {
    return new FileRefreshTokenStore(dir);
  }
}
