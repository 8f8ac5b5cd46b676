package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileRefreshTokenStoreTest {

  @TempDir
  Path dataDir;

  @Test
  void missingFile_loadsNothing() {
    assertThat(new FileRefreshTokenStore(dataDir).load()).isEmpty();
  }

  @Test
  void savedToken_loadsBack_fromRefreshTokenInTheDataDir() throws Exception {
    var store = new FileRefreshTokenStore(dataDir);

    store.save("refresh-1");

    assertThat(Files.readString(dataDir.resolve("refresh-token"))).isEqualTo("refresh-1");
    assertThat(new FileRefreshTokenStore(dataDir).load()).contains("refresh-1");
  }

  @Test
  void savedFile_isReadableByTheOwnerOnly() throws Exception {
    assumeThat(Files.getFileStore(dataDir).supportsFileAttributeView("posix")).isTrue();
    var store = new FileRefreshTokenStore(dataDir);

    store.save("refresh-1");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("refresh-token")))).isEqualTo("rw-------");
  }

  @Test
  void save_replacesTheToken_andLeavesNoTemporaryFiles() throws Exception {
    var store = new FileRefreshTokenStore(dataDir);

    store.save("refresh-1");
    store.save("refresh-2");

    assertThat(store.load()).contains("refresh-2");
    try (var files = Files.list(dataDir)) {
      assertThat(files).containsExactly(dataDir.resolve("refresh-token"));
    }
  }

  @Test
  void save_createsAMissingDataDir() {
    var store = new FileRefreshTokenStore(dataDir.resolve("nested/data"));

    store.save("refresh-1");

    assertThat(store.load()).contains("refresh-1");
  }

  @Test
  void blankFile_loadsNothing() throws Exception {
    Files.writeString(dataDir.resolve("refresh-token"), " \n");

    assertThat(new FileRefreshTokenStore(dataDir).load()).isEmpty();
  }
}
