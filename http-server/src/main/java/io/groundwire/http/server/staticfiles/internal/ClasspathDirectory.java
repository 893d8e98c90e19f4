package io.groundwire.http.server.staticfiles.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a directory of the class path as a {@link Path}: the directory itself when it lies in a
 * classes directory on disk, or the directory inside a jar's zip file system, opened once per jar
 * and kept open for the life of the process (like the class loader's own handle on the jar).
 */
public final class ClasspathDirectory {
  private static final ConcurrentHashMap<Path, FileSystem> ARCHIVES = new ConcurrentHashMap<>();

  private ClasspathDirectory() {}

  /**
   * The directory named {@code name} ({@code "public"}, {@code "com/example/site"}; slashes at
   * either end are ignored) as {@code loader} finds it.
   *
   * @throws IllegalArgumentException when the name is empty or climbs ({@code ..}), when the loader
   *     finds no such resource, or when it lies where no file system reaches (a jar nested in a jar,
   *     a runtime image module)
   * @throws UncheckedIOException when the jar cannot be opened
   */
  public static Path find(ClassLoader loader, String name) {
    String directory = name.replaceAll("^/+|/+$", "");
    if (directory.isEmpty()) {
      throw new IllegalArgumentException("name a class-path directory, not the class path's root");
    }
    for (String segment : directory.split("/")) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
        throw new IllegalArgumentException("not a plain class-path directory name: '" + name + "'");
      }
    }
    URL url = loader.getResource(directory + "/");
    if (url == null) {
      url = loader.getResource(directory);
    }
    if (url == null) {
      throw new IllegalArgumentException("no directory '" + directory + "' on the class path of " + loader);
    }
    try {
      return switch (url.getProtocol()) {
        case "file" -> Path.of(url.toURI());
        case "jar" -> inArchive(url, directory);
        default -> throw new IllegalArgumentException(
            "cannot serve class-path directory '" + directory + "' from " + url + ": not a file or a jar on disk");
      };
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("class-path directory '" + directory + "' has an unusable address: " + url, e);
    }
  }

  private static Path inArchive(URL url, String directory) throws URISyntaxException {
    URL archive;
    try {
      archive = ((JarURLConnection) url.openConnection()).getJarFileURL(); // no I/O: not connected
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the jar holding '" + directory + "': " + url, e);
    }
    if (!archive.getProtocol().equals("file")) {
      throw new IllegalArgumentException(
          "cannot serve class-path directory '" + directory + "' from " + url + ": the jar is not a file on disk");
    }
    Path jar = Path.of(archive.toURI()).toAbsolutePath().normalize();
    FileSystem files = ARCHIVES.computeIfAbsent(jar, ClasspathDirectory::open);
    return files.getPath("/" + directory);
  }

  private static FileSystem open(Path jar) {
    try {
      return FileSystems.newFileSystem(jar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + jar + " as a zip file system: " + e.getMessage(), e);
    }
  }
}
