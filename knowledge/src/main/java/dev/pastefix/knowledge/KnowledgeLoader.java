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
    List<Source> paths = new ArrayList<>();
    int before = problems.size();
    Path realDir;
    try {
      realDir = dir.toRealPath();
    } catch (IOException e) {
      problems.add(Problem.ofFile(dir.toString(), 0, "cannot be resolved: " + e.getMessage()));
      return files;
    }
    try (Stream<Path> listing = Files.list(dir)) {
      for (Path path : listing.sorted().toList()) {
        readable(path, realDir, problems).ifPresent(real -> paths.add(new Source(path, real)));
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

  /**
   * A knowledge file as listed ({@code name}, which problems show) and the file it is ({@code
   * real}, the one read: a symbolic link is read through the target that was checked).
   */
  private record Source(Path name, Path real) {}

  /** Problems one file may report; the rest are counted, so a stray file cannot flood a reply. */
  static final int MAX_PROBLEMS_PER_FILE = 20;

  private ReadFile readFile(Source source) {
    ReadFile read = readFile(source.name().toString(), source.real());
    if (read.problems().size() <= MAX_PROBLEMS_PER_FILE) {
      return read;
    }
    List<Problem> kept = new ArrayList<>(read.problems().subList(0, MAX_PROBLEMS_PER_FILE));
    kept.add(
        Problem.ofFile(
            source.name().toString(),
            0,
            "and "
                + (read.problems().size() - MAX_PROBLEMS_PER_FILE)
                + " more problems; is it a knowledge file?"));
    return new ReadFile(read.file(), kept);
  }

  private ReadFile readFile(String name, Path path) {
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
   * The file to read for {@code path}, when it is a knowledge file. A broken symbolic link, a loop
   * of links, a link to anything outside the knowledge directory ({@code realDir}) and anything
   * that is not a regular file (a pipe would block the reader) are problems, whatever their name:
   * an administrator who left them there expects them to count. A link that leads outside is never
   * opened, so nothing of its target can reach a log or a reply. Directories without a knowledge
   * file's name are left alone.
   */
  private static Optional<Path> readable(Path path, Path realDir, List<Problem> problems) {
    String name = path.toString();
    boolean knowledgeName = isKnowledgeFile(path.getFileName().toString());
    Path real = path;
    if (Files.isSymbolicLink(path)) {
      if (!knowledgeName) {
        // Such as Kubernetes' ..data: the files that matter are links through it, checked below.
        return Optional.empty();
      }
      try {
        real = path.toRealPath();
      } catch (java.nio.file.NoSuchFileException e) {
        problems.add(Problem.ofFile(name, 0, "is a broken symbolic link (" + target(path) + ")"));
        return Optional.empty();
      } catch (IOException e) {
        problems.add(
            Problem.ofFile(
                name,
                0,
                "is a loop of symbolic links or cannot be followed (" + target(path) + ")"));
        return Optional.empty();
      }
      if (!real.startsWith(realDir)) {
        problems.add(
            Problem.ofFile(
                name,
                0,
                "is a symbolic link to a file outside the knowledge directory; refused, not read"
                    + " (put the file itself in the directory, or link within it)"));
        return Optional.empty();
      }
    }
    java.nio.file.attribute.BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (IOException e) {
      problems.add(Problem.ofFile(name, 0, "cannot be read: " + e.getMessage()));
      return Optional.empty();
    }
    if (attributes.isDirectory()) {
      if (knowledgeName) {
        problems.add(Problem.ofFile(name, 0, "is not a regular file (it is a directory)"));
      }
      return Optional.empty();
    }
    if (!attributes.isRegularFile()) {
      problems.add(
          Problem.ofFile(name, 0, "is not a regular file (a pipe, socket or device); remove it"));
      return Optional.empty();
    }
    return knowledgeName ? Optional.of(real) : Optional.empty();
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
