package dev.pastefix.knowledge.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes an article's links absolute: a site-rooted path ({@code /microsoftteams/...}) against the
 * site the article is published on, a relative {@code .md} file against the article's own URL
 * (without the extension, as the published pages drop it), an in-page anchor against the article.
 * Cross-references ({@code xref:}) and mail links are left out.
 */
final class LinkResolver {
  /** Where docs-as-code articles with {@code ms.*} front matter are published. */
  static final String DOCS_SITE = "https://learn.microsoft.com/en-us";

  private final URI article;
  private final Optional<String> site;

  LinkResolver(URI article, Optional<String> site) {
    this.article = article;
    this.site = site;
  }

  Optional<URI> resolve(String href) {
    String h = href.strip().replace('\\', '/');
    String lower = h.toLowerCase(Locale.ROOT);
    if (h.isEmpty() || lower.startsWith("xref:") || lower.startsWith("mailto:")) {
      return Optional.empty();
    }
    try {
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        return absolute(new URI(h.replace(" ", "%20")));
      }
      if (h.startsWith("//")) {
        return absolute(new URI("https:" + h));
      }
      if (h.startsWith("#")) {
        return absolute(withFragment(article, h.substring(1)));
      }
      String path = h;
      String fragment = null;
      int hash = path.indexOf('#');
      if (hash >= 0) {
        fragment = path.substring(hash + 1);
        path = path.substring(0, hash);
      }
      boolean published = !"file".equals(article.getScheme());
      if (published && path.toLowerCase(Locale.ROOT).endsWith(".md")) {
        path = path.substring(0, path.length() - 3);
      }
      URI resolved;
      if (path.startsWith("/")) {
        if (site.isPresent()) {
          resolved = new URI(site.get() + path.replace(" ", "%20"));
        } else if (published) {
          resolved = article.resolve(new URI(null, null, path, null));
        } else {
          return Optional.empty();
        }
      } else {
        resolved = article.resolve(new URI(null, null, path, null));
      }
      return absolute(fragment == null ? resolved : withFragment(resolved, fragment));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static URI withFragment(URI uri, String fragment) throws URISyntaxException {
    return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), uri.getQuery(), fragment);
  }

  private static Optional<URI> absolute(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")) {
      return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
    }
    return Optional.empty();
  }
}
