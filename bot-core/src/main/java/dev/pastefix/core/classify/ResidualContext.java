package dev.pastefix.core.classify;

import java.util.List;
import java.util.Locale;

/**
 * Removes the context that errors of one paste share from a line before it is classified on its
 * own: the connector's module path, host names, cmdlet names and PowerShell's remoting framing. A
 * second finding needs evidence of its own; "New-PSSession" or "admin1a.online.lync.com" around a
 * recognised error is no second problem.
 */
final class ResidualContext {
  private ResidualContext() {}

  /** Framing sentences PowerShell prints around many different remoting errors. */
  private static final List<String> FRAMING =
      List.of(
          "failed with the following error message",
          "processing data from remote server",
          "connecting to remote server",
          "for more information, see the about_remote_troubleshooting help topic",
          "about_remote_troubleshooting",
          "the ws-management service cannot process the request",
          "la connexion au serveur distant",
          "a échoué avec le message d'erreur suivant",
          "원격 서버",
          "자세한 내용은");

  /** The words of {@code line} without paths, hosts, cmdlets and framing, lower case. */
  static String strip(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    for (String framing : FRAMING) {
      lower = lower.replace(framing, " ");
    }
    StringBuilder out = new StringBuilder(lower.length());
    for (String token : lower.split(" ")) {
      if (token.isEmpty() || isContext(token)) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(token);
    }
    return out.toString();
  }

  private static boolean isContext(String token) {
    String t = trim(token);
    if (t.isEmpty()) {
      return true;
    }
    if (t.indexOf('\\') >= 0 || t.indexOf('/') >= 0 || t.endsWith(".psm1") || t.endsWith(".psd1")) {
      return true;
    }
    int dot = t.indexOf('.');
    if (dot > 0 && dot < t.length() - 1 && Character.isLetterOrDigit(t.charAt(dot + 1))) {
      return true;
    }
    int dash = t.indexOf('-');
    return dash > 1
        && dash < t.length() - 3
        && t.chars().allMatch(c -> Character.isLetter(c) || c == '-')
        && CMDLET_VERBS.contains(t.substring(0, dash));
  }

  private static final java.util.Set<String> CMDLET_VERBS =
      java.util.Set.of(
          "new", "import", "get", "set", "connect", "enter", "enable", "remove", "invoke",
          "export");

  private static String trim(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
      end--;
    }
    return token.substring(start, end);
  }
}
