package dev.pastefix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code .env.example} lists exactly the variables pastefix reads, with the
 * defaults pastefix applies, and every variable the README documents: neither can drift.
 */
class EnvExampleTest {
  private static final Path ENV_EXAMPLE = Path.of("..", ".env.example");
  private static final Path README = Path.of("..", "README.md");

  /** {@code NAME=value}, commented out or not. */
  private static final Pattern SETTING = Pattern.compile("^#?([A-Z][A-Z0-9_]*)=(.*)$");

  /** System variables the data directory's default comes from, not pastefix settings. */
  private static final Set<String> SYSTEM = Set.of("HOME", "XDG_DATA_HOME");

  private static Map<String, String> example() throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
      Matcher m = SETTING.matcher(line);
      if (m.matches()) {
        assertTrue(settings.put(m.group(1), m.group(2)) == null, "listed twice: " + m.group(1));
      }
    }
    return settings;
  }

  /** An environment that turns every platform on, and records every variable asked for. */
  private static final class RecordingEnvironment extends AbstractMap<String, String> {
    final Set<String> asked = new TreeSet<>();
    final Map<String, String> values = new HashMap<>();

    RecordingEnvironment() {
      values.put("SLACK_BOT_TOKEN", "xoxb-recording");
      values.put("SLACK_SIGNING_SECRET", "recording");
      values.put("DISCORD_TOKEN", "recording");
      values.put("TEAMS_APP_ID", "00000000-1111-2222-3333-444444444444");
      values.put("TEAMS_APP_PASSWORD", "recording");
      values.put("PASTEFIX_TEAMS_PORT", "3979");
      values.put("PASTEFIX_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/pastefix");
    }

    @Override
    public String get(Object key) {
      asked.add((String) key);
      return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      asked.add((String) key);
      return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return values.entrySet();
    }
  }

  private static Set<String> variablesPastefixReads() throws Exception {
    RecordingEnvironment env = new RecordingEnvironment();
    Settings.from(env);
    Settings.storageFrom(env);
    Settings.loggingFrom(env);
    Settings.dataDirFrom(env);
    Settings.dnsResolverFrom(env);
    Settings.knowledgeDirFrom(env);
    Settings.teamsAppIdFrom(env);
    // The data directory's default is read only when PASTEFIX_DATA_DIR is unset.
    Set<String> asked = new TreeSet<>(env.asked);
    asked.removeAll(SYSTEM);
    return asked;
  }

  @Test
  void listsExactlyTheVariablesPastefixReads() throws Exception {
    Set<String> listed = new TreeSet<>(example().keySet());
    Set<String> read = variablesPastefixReads();

    Set<String> missing = new TreeSet<>(read);
    missing.removeAll(listed);
    Set<String> extra = new TreeSet<>(listed);
    extra.removeAll(read);
    assertEquals(Set.of(), missing, "read by pastefix but not in .env.example");
    assertEquals(Set.of(), extra, "in .env.example but never read by pastefix");
    for (String secret : SecretFiles.SECRETS) {
      assertTrue(listed.contains(secret + SecretFiles.SUFFIX), secret + "_FILE listed");
    }
  }

  @Test
  void listsEveryVariableTheReadmeDocuments() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher documented =
        Pattern.compile("`((?:PASTEFIX|SLACK|DISCORD|TEAMS)_[A-Z0-9_]+)`").matcher(readme);
    Set<String> names = new TreeSet<>();
    while (documented.find()) {
      names.add(documented.group(1));
    }
    names.removeAll(example().keySet());

    assertFalse(example().isEmpty());
    assertEquals(Set.of(), names, "documented in README.md but not in .env.example");
  }

  @Test
  void itsDefaultsAreTheOnesPastefixApplies() throws Exception {
    // Slack on, so that its capacity settings count; the platforms' endpoint overrides are listed
    // without a value (their defaults are the platforms' own) and are left out here.
    Map<String, String> base =
        Map.of("SLACK_BOT_TOKEN", "xoxb-defaults", "SLACK_SIGNING_SECRET", "defaults");
    Map<String, String> withDefaults = new HashMap<>(base);
    example()
        .forEach(
            (name, value) -> {
              if (!value.isEmpty()) {
                withDefaults.put(name, value);
              }
            });

    assertTrue(withDefaults.size() > base.size() + 10, withDefaults.toString());
    assertEquals(Settings.from(base), Settings.from(withDefaults));
    assertEquals(
        Settings.storageFrom(Map.of()).toString(), Settings.storageFrom(withDefaults).toString());
  }
}
