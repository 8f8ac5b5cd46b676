package dev.switchboard.calling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the refresh token in {@code $dataDir/refresh-token}, readable by the service's user only (0600 where the
 * file system has POSIX permissions), replaced atomically so a crash never leaves half a token.
 */
public final class FileRefreshTokenStore implements RefreshTokenStore {

  static final String FILE_NAME = "refresh-token";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path dataDir;
  private final Path file;

  public FileRefreshTokenStore(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.file = dataDir.resolve(FILE_NAME);
  }

  @Override
  public Optional<String> load() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the refresh token from " + file, e);
    }
  }

  @Override
  public void save(String refreshToken) {
    Require.present(refreshToken, "refreshToken");
    try {
      if (!Files.isDirectory(dataDir)) {
        // The data directory is the service's alone: 0700 where there are POSIX permissions.
        boolean posixHere = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(dataDir, posixHere
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0]);
      }
      boolean posix = Files.getFileStore(dataDir).supportsFileAttributeView("posix");
      FileAttribute<?>[] attributes = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
          : new FileAttribute<?>[0];
      Path temp = Files.createTempFile(dataDir, FILE_NAME + ".", ".tmp", attributes);
      try {
        Files.writeString(temp, refreshToken, StandardCharsets.UTF_8);
        move(temp);
        if (posix) {
          Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the refresh token to " + file, e);
    }
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return "FileRefreshTokenStore[" + file + "]";
  }
}
