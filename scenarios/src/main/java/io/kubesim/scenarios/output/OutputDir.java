package io.kubesim.scenarios.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of files as a directory that appears whole or not at all: the files go to a
 * temporary directory beside the target, which is then moved into place (an existing target is
 * moved aside first and removed after).
 */
public final class OutputDir {
  private OutputDir() {}

  /** Why a target cannot be written; the CLI says it and exits 2. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** Refuses a target that exists and is not an empty directory, unless {@code force}. */
  public static void check(Path dir, boolean force) {
    if (!Files.exists(dir)) return;
    if (!Files.isDirectory(dir)) throw new Refused(dir + " exists and is not a directory");
    if (!force && !isEmpty(dir)) throw new Refused(dir + " exists and is not empty; use --force to replace it");
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code files} (name → UTF-8 content) as the directory {@code dir}. */
  public static void write(Path dir, Map<String, String> files, boolean force) throws IOException {
    check(dir, force);
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
    try {
      for (Map.Entry<String, String> f : files.entrySet()) Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the default permissions
      }
      if (Files.exists(target)) {
        Path old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
      } else {
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
          throw new Refused(dir + " appeared while the run was writing; nothing was replaced");
        }
      }
    } finally {
      if (Files.exists(tmp)) deleteTree(tmp);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
    }
  }
}
