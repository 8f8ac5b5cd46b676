package dev.switchboard.store;

import dev.switchboard.ops.AuditLog;
import dev.switchboard.ops.AuditStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;

/** The audit contract on the file log of one instance. */
final class FileAuditStoreTest extends AuditStoreContract {

  @TempDir Path dir;

  @Override
  AuditStore open() {
    return new AuditLog(dir, MAPPER, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
