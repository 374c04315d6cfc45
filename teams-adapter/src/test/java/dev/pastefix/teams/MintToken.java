package dev.pastefix.teams;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mints a Bot Framework-style token with a test key, for posting activities by hand: {@code
 * MintToken KEY_FILE APP_ID SERVICE_URL} prints the JWT.
 */
public final class MintToken {
  private MintToken() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: MintToken KEY_FILE APP_ID SERVICE_URL");
      System.exit(2);
    }
    RSAKey key = RSAKey.parse(Files.readString(Path.of(args[0])));
    System.out.println(
        FakeBotFramework.sign(key, FakeBotFramework.claims(args[1], args[2]).build()));
  }
}
