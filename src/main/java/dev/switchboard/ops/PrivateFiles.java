package dev.switchboard.ops;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The audit log and the schedules are readable by the service only: files are created 0600, directories 0700.
 */
public final class PrivateFiles {

  private PrivateFiles() {}

  /** Creates {@code directory} and any missing parents 0700 (where there are POSIX permissions). */
  public static void createDirectories(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    if (Files.isDirectory(absolute)) return;
    if (absolute.getParent() != null) createDirectories(absolute.getParent());
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(absolute);
      }
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // Created meanwhile by another part of the service.
    }
  }

  public static void create(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
    } else {
      Files.createFile(file);
    }
  }
}
