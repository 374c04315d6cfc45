package dev.pastefix.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The secret settings that may also come from a file: {@code NAME_FILE} names a file whose content
 * is {@code NAME}'s value, as container and orchestrator secrets are mounted. Setting both is an
 * error; a file that cannot be read is reported by its path, never by its content.
 */
final class SecretFiles {
  /** Every setting that holds a secret, each of which has a {@code _FILE} form. */
  static final List<String> SECRETS =
      List.of(
          "SLACK_BOT_TOKEN",
          "SLACK_APP_TOKEN",
          "SLACK_SIGNING_SECRET",
          "DISCORD_TOKEN",
          "TEAMS_APP_PASSWORD",
          "PASTEFIX_DATABASE_PASSWORD");

  static final String SUFFIX = "_FILE";

  /** A secret is a token or a password: anything bigger is the wrong file. */
  static final int MAX_BYTES = 64 * 1024;

  private SecretFiles() {}

  /**
   * {@code env} with every {@code NAME_FILE} replaced by {@code NAME} holding the file's content
   * (surrounding white space, such as the final newline an editor adds, removed). Each problem is
   * added to {@code problems}; the setting in question is then left out. {@code env} itself when no
   * secret comes from a file.
   */
  static Map<String, String> resolve(Map<String, String> env, List<String> problems) {
    Map<String, String> resolved = env;
    for (String name : SECRETS) {
      String fileName = name + SUFFIX;
      String file = env.get(fileName);
      if (file == null || file.isBlank()) {
        continue;
      }
      if (resolved == env) {
        // Copied only when a file is named: the caller's map is never changed.
        resolved = new HashMap<>(env);
      }
      resolved.remove(fileName);
      String direct = env.get(name);
      if (direct != null && !direct.isBlank()) {
        problems.add(name + " and " + fileName + " are both set: use one of them");
        resolved.remove(name);
        continue;
      }
      try {
        resolved.put(name, read(Path.of(file.trim())));
      } catch (InvalidPathException e) {
        problems.add(fileName + " is not a valid path: " + e.getMessage());
      } catch (IOException e) {
        problems.add(fileName + ": cannot read " + file.trim() + ": " + reason(e));
      }
    }
    return resolved;
  }

  private static String read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IOException("it is over " + MAX_BYTES / 1024 + " KiB, too big for a secret");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString()
              .strip();
    } catch (CharacterCodingException e) {
      throw new IOException("it is not UTF-8 text", e);
    }
    if (text.isEmpty()) {
      throw new IOException("it is empty");
    }
    return text;
  }

  // The exception's own message is often just the path again; name what went wrong instead.
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException) {
      FileSystemException fs = (FileSystemException) e;
      return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    }
    return e.getMessage();
  }
}
