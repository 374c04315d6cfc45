package dev.pastefix.core.telemetry;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A URL as it may appear in a log or an error message: without user information (a password in
 * {@code https://user:pass@host/}), query or fragment, which can carry tokens.
 */
public final class SafeUrl {
  private SafeUrl() {}

  /** {@code url} without credentials, query and fragment. */
  public static String of(URI url) {
    try {
      return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null)
          .toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a URL we can take apart safely: say only that there was one.
      return "<url>";
    }
  }
}
