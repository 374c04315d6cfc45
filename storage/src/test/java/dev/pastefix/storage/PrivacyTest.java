package dev.pastefix.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.state.AnswerRecord;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.state.ConversationKey;
import dev.pastefix.core.testing.TestingPipelines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a pasted secret leaves behind in the database and the log: nothing. */
class PrivacyTest {
  /** A paste holding a secret in one of the shapes admins paste, and the secret. */
  record Pasted(String shape, String text, String secret) {}

  /** The shapes of issue 20 in English, French and Korean wording, with values of their own. */
  static final List<Pasted> PASTES =
      List.of(
          new Pasted(
              "AWS access key id",
              "aws configure set aws_access_key_id AKIAQ3EGRZ7XKJ4MPL2D and still AccessDenied",
              "AKIAQ3EGRZ7XKJ4MPL2D"),
          new Pasted(
              "aws_secret_access_key",
              "[default]\naws_secret_access_key = Zq8rT2vLx9mKp4NwB7cYh3JdF6gS1aE0uXoRiWtV",
              "Zq8rT2vLx9mKp4NwB7cYh3JdF6gS1aE0uXoRiWtV"),
          new Pasted(
              "SAS sig=",
              "Download fails: https://contosodata.blob.core.windows.net/logs/a.zip?sv=2023-01-03&sr=b&sig=Xk29dLq0Pz7%2FmW4vR8nT1yB6cH3jE5sA9uF2gK0oI4%3D&se=2026-12-31",
              "Xk29dLq0Pz7"),
          new Pasted(
              "JSON password",
              "{\"user\": \"svc-teams\", \"password\": \"Gr33nTea!Leaf\"}",
              "Gr33nTea!Leaf"),
          new Pasted(
              "XML <Password>",
              "<Credentials><UserName>svc</UserName><Password>Maple#Syrup77</Password></Credentials>",
              "Maple#Syrup77"),
          new Pasted(
              "Set-MsolUserPassword -NewPassword",
              "Set-MsolUserPassword -UserPrincipalName ann@contoso.com -NewPassword \"Riv3r!Stone\" -ForceChangePassword $false",
              "Riv3r!Stone"),
          new Pasted(
              "ConvertTo-SecureString -AsPlainText -Force -String",
              "$s = ConvertTo-SecureString -AsPlainText -Force -String \"Qu1et#Harbor\"",
              "Qu1et#Harbor"),
          new Pasted(
              "ConvertTo-SecureString positional",
              "$pw = ConvertTo-SecureString 'Glacier#Peak3' -AsPlainText -Force",
              "Glacier#Peak3"),
          new Pasted(
              "$pass = ",
              "$pass = \"L4ntern&Moth\"\n$cred = New-Object PSCredential($user, $pass)",
              "L4ntern&Moth"),
          new Pasted(
              "net user admin",
              "I ran net user admin B1rch$Canoe88 /domain and it still fails",
              "B1rch$Canoe88"),
          new Pasted(
              "JWT without Bearer",
              "token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcGFzdGVmaXgiLCJpYXQiOjE3MDAwMDAwMDB9.R9vKq2mT7xWb4LpN8cZ1dY6hF3sJ0uA5eG2iOwX was rejected",
              "R9vKq2mT7xWb4LpN8cZ1dY6hF3sJ0uA5eG2iOwX"),
          new Pasted(
              "Authorization: Basic",
              "curl -H \"Authorization: Basic c3ZjLXN5bmM6T2NlYW4tV2F2ZS05OQ==\" https://api.fabrikam.com/v1",
              "c3ZjLXN5bmM6T2NlYW4tV2F2ZS05OQ=="),
          new Pasted(
              "PEM private key",
              "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----",
              "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
          new Pasted(
              "Slack webhook URL",
              "posting to https://hooks.slack.com/services/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 returns 403",
              "q1W2e3R4t5Y6u7I8o9P0aS1d"),
          new Pasted(
              "GitHub ghp_ token",
              "git clone with ghp_8fK2mQ9xL4vR7tN1bW5cY3hJ6dS0aE2gU9iO fails",
              "ghp_8fK2mQ9xL4vR7tN1bW5cY3hJ6dS0aE2gU9iO"),
          new Pasted(
              "Azure client secret (shape)",
              "Connect-MgGraph fails with the app secret x7T8Q~Lm3Np9Rs2Tv5Wx8Yz1Ab4Cd7Ef0Gh3Jk6",
              "x7T8Q~Lm3Np9Rs2Tv5Wx8Yz1Ab4Cd7Ef0Gh3Jk6"),
          new Pasted(
              "Azure client secret (-ClientSecret)",
              "Get-Token -TenantId contoso.onmicrosoft.com -ClientSecret 'Wq5.LmN8pR2sT4vX6zB9cD1fG3hJ'",
              "Wq5.LmN8pR2sT4vX6zB9cD1fG3hJ"),
          new Pasted(
              "storage AccountKey",
              "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=Pq7vXc2Lm9Nb4Rt6Ys8Wa1Ze3Ud5Fg0Hj2Kl4Mn6Op8Qr0St2Uv4Wx6Yz8Ab0Cd2Ef4Gh6Ij8Kl0Mn2Op4Q==;EndpointSuffix=core.windows.net",
              "Pq7vXc2Lm9Nb4Rt6Ys8Wa1Ze3Ud5Fg"),
          new Pasted(
              "URL user:p@ss",
              "Invoke-WebRequest https://proxyuser:Pa@ss!Word9@proxy.fabrikam.com:8080/pac fails",
              "Pa@ss!Word9"),
          new Pasted(
              "French: mot de passe :",
              "Mon mot de passe : Printemps#2027 ne fonctionne plus depuis ce matin",
              "Printemps#2027"),
          new Pasted("French: mdp=", "compte admin, mdp=Automne!2027 depuis hier", "Automne!2027"),
          new Pasted(
              "French: Mot de passe in an error",
              "Connect-MsolService : Mot de passe: Hiver2027x refusé pour admin@contoso.fr",
              "Hiver2027x"),
          new Pasted("Korean: 비밀번호:", "관리자 비밀번호: Jeju!Island55 입력했는데 로그인이 안 됩니다", "Jeju!Island55"),
          new Pasted("Korean: 암호 =", "암호 = 'Namsan#Tower9' 입력 후 오류", "Namsan#Tower9"),
          new Pasted("Korean: 비밀번호는:", "비밀번호는: Incheon!2027 입니다", "Incheon!2027"));

  @TempDir Path dataDir;
  private static final String PASTE =
      "$pw = ConvertTo-SecureString 'Hunter2!' -AsPlainText -Force\n"
          + "New-PSSession : Connecting to remote server admin1a.online.lync.com failed: Access is"
          + " denied.";

  @Test
  void aPastedPasswordNeverReachesTheDatabaseOrTheLog() throws Exception {
    DatabaseTarget target = DatabaseTarget.inMemory();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (StateDatabase db =
        StateDatabase.open(target, Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      BotState state = db.state();
      Bot bot = TestingPipelines.shipped(state);
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        bot.handle(
            Inbound.message(
                PASTE,
                Channel.MENTION,
                "U0ADMIN",
                ConversationKey.of("slack", "T1", "C1").inThread("1700000000.000100")));
      } finally {
        System.setErr(originalErr);
      }

      List<AnswerRecord> rows = state.answerLog().since(Instant.EPOCH);
      assertEquals(1, rows.size());
      assertEquals("U0ADMIN", rows.get(0).senderId());
      assertTrue(rows.get(0).redactedText().contains("ConvertTo-SecureString [redacted]"));
      assertFalse(everyValueIn(target).contains("Hunter2"), "the database holds the password");
      assertTrue(everyValueIn(target).contains("U0ADMIN"), "the sender id is kept");
    }
    assertFalse(log.toString(StandardCharsets.UTF_8).contains("Hunter2"), log.toString());
  }

  @Test
  void noPastedSecretIsLeftInTheDatabaseFiles() throws Exception {
    try (StateDatabase db =
        StateDatabase.open(
            DatabaseTarget.embedded(dataDir), Clock.systemUTC(), BotState.DEFAULT_RETENTION)) {
      Bot bot = TestingPipelines.shipped(db.state());
      for (int i = 0; i < PASTES.size(); i++) {
        bot.handle(
            Inbound.message(
                PASTES.get(i).text(),
                Channel.DIRECT,
                "U0ADMIN",
                ConversationKey.of("slack", "T1", "D1").inThread("1700000000.0001" + (10 + i))));
      }
      assertEquals(PASTES.size(), db.state().answerLog().since(Instant.EPOCH).size());
    }

    // What `strings` over the files would find: H2 keeps ASCII text as it is.
    StringBuilder files = new StringBuilder();
    try (Stream<Path> tree = Files.walk(dataDir)) {
      for (Path file : tree.filter(Files::isRegularFile).toList()) {
        files.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    String raw = files.toString();
    assertTrue(raw.contains("aws_access_key_id [redacted]"), "the pastes are stored, redacted");
    assertTrue(raw.contains("-NewPassword [redacted]"), "the pastes are stored, redacted");
    for (Pasted pasted : PASTES) {
      assertFalse(raw.contains(pasted.secret()), pasted.shape() + ": " + pasted.secret());
    }
  }

  /** Every value of every table, as one text. */
  private static String everyValueIn(DatabaseTarget target) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = DriverManager.getConnection(target.url(), "sa", "");
        Statement s = c.createStatement();
        ResultSet tables = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      List<String> names = new java.util.ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
      assertTrue(names.size() >= 8, names.toString());
      for (String table : names) {
        try (ResultSet rows = s.executeQuery("select * from \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              all.append(rows.getString(i)).append('\t');
            }
          }
        }
      }
    }
    return all.toString();
  }
}
