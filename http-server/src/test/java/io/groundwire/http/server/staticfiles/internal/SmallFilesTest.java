package io.groundwire.http.server.staticfiles.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallFilesTest {
  @TempDir Path temp;
  private final SmallFiles smallFiles = SmallFiles.onDisk();

  private byte[] bytes(Path file) throws IOException {
    return smallFiles.bytes(file, Files.readAttributes(file, BasicFileAttributes.class));
  }

  @Test
  void rewrittenFileIsReadAgain() throws IOException {
    Path file = Files.writeString(temp.resolve("a.txt"), "first");
    FileTime before = Files.getLastModifiedTime(file);
    bytes(file);
    Files.writeString(file, "other");
    Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
    assertArrayEquals("other".getBytes(StandardCharsets.UTF_8), bytes(file));
  }

  @Test
  void replacedFileWithTheSameSizeAndTimeIsReadAgain() throws IOException {
    Path file = Files.writeString(temp.resolve("a.txt"), "first");
    FileTime time = Files.getLastModifiedTime(file);
    bytes(file);
    Path replacement = Files.writeString(temp.resolve("b.txt"), "other");
    Files.setLastModifiedTime(replacement, time);
    Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertArrayEquals("other".getBytes(StandardCharsets.UTF_8), bytes(file));
  }

  @Test
  void largeFileIsNotKept() throws IOException {
    Path file = Files.write(temp.resolve("big.bin"), new byte[SmallFiles.MAX_FILE_SIZE + 1]);
    assertNull(bytes(file));
  }
}
