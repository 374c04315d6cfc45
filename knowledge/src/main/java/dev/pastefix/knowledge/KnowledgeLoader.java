package dev.pastefix.knowledge;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads and validates the knowledge base: the files shipped on the classpath (listed in {@value
 * #INDEX}) and, optionally, an administrator's directory of {@code *.yaml}/{@code *.yml} files
 * whose entries add to the shipped ones or replace them by id.
 *
 * <p>Loading never stops at the first problem: every file is read and every problem is reported
 * together in one {@link InvalidKnowledgeException}.
 */
public final class KnowledgeLoader {
  /** The classpath resource naming the shipped knowledge files, one per line. */
  public static final String INDEX = "knowledge/index.txt";

  private static final String FOLDER = "knowledge/";

  private final ClassLoader classLoader;
  private final KnowledgeFileReader reader;

  /** A loader reading the shipped files from this module's class loader. */
  public KnowledgeLoader() {
    this(KnowledgeLoader.class.getClassLoader());
  }

  /** A loader reading the shipped files (and {@value #INDEX}) from {@code classLoader}. */
  public KnowledgeLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
    this.reader = new KnowledgeFileReader(new YamlTreeReader(new YAMLFactory()));
  }

  /** The shipped knowledge base alone. */
  public KnowledgeBase loadShipped() throws InvalidKnowledgeException {
    return load(Optional.empty());
  }

  /**
   * The shipped knowledge base merged with the administrator's directory, when given: an admin
   * entry whose id is shipped replaces that entry in place, a new id is added at the end, and an
   * admin article with a shipped article's id replaces its metadata.
   */
  public KnowledgeBase load(Optional<Path> adminDir) throws InvalidKnowledgeException {
    return load(KnowledgeSources.shippedPlus(adminDir));
  }

  /**
   * The knowledge {@code sources} name: as {@link #load(Optional)}, or the administrator's
   * directory alone when the shipped files are left out.
   */
  public KnowledgeBase load(KnowledgeSources sources) throws InvalidKnowledgeException {
    Optional<Path> adminDir = sources.directory();
    List<Problem> problems = new ArrayList<>();
    List<KnowledgeFileReader.ParsedFile> shipped =
        sources.shipped() ? readShipped(problems) : List.of();
    checkDuplicates(shipped, problems);
    List<KnowledgeFileReader.ParsedFile> admin = new ArrayList<>();
    if (adminDir.isPresent()) {
      admin = readDirectory(adminDir.get(), problems);
      checkDuplicates(admin, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidKnowledgeException(problems);
    }
    Map<String, Article> articles = new LinkedHashMap<>();
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (List<KnowledgeFileReader.ParsedFile> layer : List.of(shipped, admin)) {
      for (KnowledgeFileReader.ParsedFile file : layer) {
        articles.put(file.article().id(), file.article());
        for (KnowledgeFileReader.ParsedEntry parsed : file.entries()) {
          // put() keeps the position of a replaced key, so overrides stay in shipped order.
          entries.put(parsed.entry().id(), parsed.entry());
        }
      }
    }
    return new KnowledgeBase(List.copyOf(articles.values()), List.copyOf(entries.values()));
  }

  /**
   * Every problem of the knowledge files in {@code dir} (alone, without the shipped ones); empty
   * when the directory is valid. Never throws for bad content: a missing directory, unreadable
   * files and broken YAML are problems too.
   */
  public List<Problem> validate(Path dir) {
    List<Problem> problems = new ArrayList<>();
    List<KnowledgeFileReader.ParsedFile> files = readDirectory(dir, problems);
    checkDuplicates(files, problems);
    return List.copyOf(problems);
  }

  /** The names of the shipped files, as listed in {@value #INDEX}. */
  public List<String> shippedFiles() throws InvalidKnowledgeException {
    List<Problem> problems = new ArrayList<>();
    List<String> names = index(problems);
    if (!problems.isEmpty()) {
      throw new InvalidKnowledgeException(problems);
    }
    return names;
  }

  private List<String> index(List<Problem> problems) {
    try (InputStream in = classLoader.getResourceAsStream(INDEX)) {
      if (in == null) {
        problems.add(Problem.ofFile(INDEX, 0, "is not on the classpath; the build is incomplete"));
        return List.of();
      }
      List<String> names = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
      for (String line : lines) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
      if (names.isEmpty()) {
        problems.add(Problem.ofFile(INDEX, 0, "names no knowledge file"));
      }
      return names;
    } catch (IOException e) {
      problems.add(Problem.ofFile(INDEX, 0, "cannot be read: " + e.getMessage()));
      return List.of();
    }
  }

  private List<KnowledgeFileReader.ParsedFile> readShipped(List<Problem> problems) {
    List<KnowledgeFileReader.ParsedFile> files = new ArrayList<>();
    for (String name : index(problems)) {
      try (InputStream in = classLoader.getResourceAsStream(FOLDER + name)) {
        if (in == null) {
          problems.add(
              Problem.ofFile(name, 0, "is listed in " + INDEX + " but is not on the classpath"));
          continue;
        }
        reader.read(name, in.readAllBytes(), problems).ifPresent(files::add);
      } catch (IOException e) {
        problems.add(Problem.ofFile(name, 0, "cannot be read: " + e.getMessage()));
      }
    }
    return files;
  }

  private List<KnowledgeFileReader.ParsedFile> readDirectory(Path dir, List<Problem> problems) {
    List<KnowledgeFileReader.ParsedFile> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      problems.add(
          Problem.ofFile(
              dir.toString(),
              0,
              Files.exists(dir) ? "is not a directory" : "does not exist (knowledge directory)"));
      return files;
    }
    List<Path> paths = new ArrayList<>();
    int before = problems.size();
    try (Stream<Path> listing = Files.list(dir)) {
      for (Path path : listing.sorted().toList()) {
        if (readable(path, problems)) {
          paths.add(path);
        }
      }
    } catch (IOException e) {
      problems.add(Problem.ofFile(dir.toString(), 0, "cannot be listed: " + e.getMessage()));
      return files;
    }
    if (paths.isEmpty() && problems.size() > before) {
      return files;
    }
    if (paths.isEmpty()) {
      problems.add(Problem.ofFile(dir.toString(), 0, "holds no *.yaml or *.yml file"));
    }
    // Files are parsed side by side (a directory of hundreds of entries parses in a fraction of
    // the time), then taken in name order, so files and problems come out as a serial read's.
    for (ReadFile read : paths.parallelStream().map(this::readFile).toList()) {
      problems.addAll(read.problems());
      read.file().ifPresent(files::add);
    }
    return files;
  }

  /** One file read on its own: what it holds, and its problems. */
  private record ReadFile(Optional<KnowledgeFileReader.ParsedFile> file, List<Problem> problems) {}

  private ReadFile readFile(Path path) {
    String name = path.toString();
    List<Problem> problems = new ArrayList<>();
    try {
      if (Files.size(path) > KnowledgeFileReader.MAX_FILE_BYTES) {
        problems.add(
            Problem.ofFile(
                name,
                0,
                "is larger than "
                    + KnowledgeFileReader.MAX_FILE_BYTES
                    + " bytes; is it a knowledge file?"));
        return new ReadFile(Optional.empty(), problems);
      }
      return new ReadFile(reader.read(name, Files.readAllBytes(path), problems), problems);
    } catch (IOException e) {
      problems.add(Problem.ofFile(name, 0, "cannot be read: " + e.getMessage()));
      return new ReadFile(Optional.empty(), problems);
    }
  }

  /**
   * Whether {@code path} is a knowledge file to read. A broken symbolic link, a loop of links and
   * anything that is not a regular file (a pipe would block the reader) are problems, whatever
   * their name: an administrator who left them there expects them to count. Directories without a
   * knowledge file's name are left alone.
   */
  private static boolean readable(Path path, List<Problem> problems) {
    String name = path.toString();
    boolean knowledgeName = isKnowledgeFile(path.getFileName().toString());
    if (Files.isSymbolicLink(path)) {
      try {
        path.toRealPath();
      } catch (java.nio.file.NoSuchFileException e) {
        problems.add(Problem.ofFile(name, 0, "is a broken symbolic link (" + target(path) + ")"));
        return false;
      } catch (IOException e) {
        problems.add(
            Problem.ofFile(
                name,
                0,
                "is a loop of symbolic links or cannot be followed (" + target(path) + ")"));
        return false;
      }
    }
    java.nio.file.attribute.BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (IOException e) {
      problems.add(Problem.ofFile(name, 0, "cannot be read: " + e.getMessage()));
      return false;
    }
    if (attributes.isDirectory()) {
      if (knowledgeName) {
        problems.add(Problem.ofFile(name, 0, "is not a regular file (it is a directory)"));
      }
      return false;
    }
    if (!attributes.isRegularFile()) {
      problems.add(
          Problem.ofFile(name, 0, "is not a regular file (a pipe, socket or device); remove it"));
      return false;
    }
    return knowledgeName;
  }

  private static String target(Path link) {
    try {
      return "points to " + Files.readSymbolicLink(link);
    } catch (IOException | UnsupportedOperationException e) {
      return "target unreadable";
    }
  }

  private static boolean isKnowledgeFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  /** Ids of entries and of articles are unique within one layer (shipped, or admin). */
  private static void checkDuplicates(
      List<KnowledgeFileReader.ParsedFile> files, List<Problem> problems) {
    Map<String, KnowledgeFileReader.ParsedEntry> entries = new LinkedHashMap<>();
    Map<String, KnowledgeFileReader.ParsedFile> articles = new LinkedHashMap<>();
    for (KnowledgeFileReader.ParsedFile file : files) {
      KnowledgeFileReader.ParsedFile firstArticle = articles.putIfAbsent(file.article().id(), file);
      if (firstArticle != null) {
        problems.add(
            new Problem(
                file.file(),
                file.articleLine(),
                Optional.empty(),
                Optional.of("article.id"),
                "duplicate article id '"
                    + file.article().id()
                    + "' (also in "
                    + firstArticle.file()
                    + ":"
                    + firstArticle.articleLine()
                    + ")"));
      }
      for (KnowledgeFileReader.ParsedEntry parsed : file.entries()) {
        KnowledgeFileReader.ParsedEntry first = entries.putIfAbsent(parsed.entry().id(), parsed);
        if (first != null) {
          problems.add(
              new Problem(
                  parsed.file(),
                  parsed.line(),
                  Optional.of(parsed.entry().id()),
                  Optional.of("id"),
                  "duplicate entry id (first defined at "
                      + first.file()
                      + ":"
                      + first.line()
                      + ")"));
        }
      }
    }
  }
}
