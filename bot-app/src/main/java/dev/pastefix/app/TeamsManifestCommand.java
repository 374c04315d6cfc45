package dev.pastefix.app;

import dev.pastefix.teams.TeamsAppPackage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code pastefix teams-manifest --out FILE.zip}: writes the Teams app package for {@code
 * TEAMS_APP_ID}, to upload in Teams or to the organisation's app catalog. Exit 0 when written, 2
 * for wrong usage or an unwritable file, 3 when {@code TEAMS_APP_ID} is missing or invalid.
 */
final class TeamsManifestCommand implements Command {
  static final String OUT = "--out";
  static final String VERSION = "--version";
  static final String DEVELOPER = "--developer";
  static final String WEBSITE = "--website";
  static final String PRIVACY = "--privacy";
  static final String TERMS = "--terms";

  /** Reserved for documentation: shown until the organisation's own pages are given. */
  static final String PLACEHOLDER_SITE = "https://www.example.com/pastefix";

  @Override
  public String name() {
    return "teams-manifest";
  }

  @Override
  public String synopsis() {
    return "teams-manifest --out FILE.zip [--version X.Y.Z] [--developer NAME] [--website URL]"
        + " [--privacy URL] [--terms URL]";
  }

  @Override
  public String summary() {
    return "write the Teams app package (manifest and icons) for TEAMS_APP_ID";
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    Arguments arguments;
    try {
      arguments =
          Arguments.parse(args, Set.of(), Set.of(OUT, VERSION, DEVELOPER, WEBSITE, PRIVACY, TERMS));
      if (!arguments.positionals().isEmpty()) {
        throw new Arguments.UsageException("unexpected '" + arguments.positionals().get(0) + "'");
      }
      if (arguments.option(OUT).isEmpty()) {
        throw new Arguments.UsageException(OUT + " FILE.zip is required");
      }
    } catch (Arguments.UsageException e) {
      terminal.err().println("pastefix teams-manifest: " + e.getMessage());
      terminal.err().println("usage: pastefix " + synopsis());
      return ExitCodes.USAGE;
    }
    String appId;
    try {
      appId = Settings.teamsAppIdFrom(terminal.env());
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    String website = arguments.option(WEBSITE).orElse(PLACEHOLDER_SITE);
    TeamsAppPackage.Details details;
    try {
      details =
          new TeamsAppPackage.Details(
              arguments.option(VERSION).orElse("1.0.0"),
              arguments.option(DEVELOPER).orElse("pastefix"),
              url(website),
              url(arguments.option(PRIVACY).orElse(website + "/privacy")),
              url(arguments.option(TERMS).orElse(website + "/terms")));
    } catch (IllegalArgumentException e) {
      terminal.err().println("pastefix teams-manifest: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Path out = Path.of(arguments.option(OUT).get());
    try {
      byte[] zip = new TeamsAppPackage(appId, details).zip();
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(out, zip);
    } catch (IOException e) {
      terminal.err().println("pastefix teams-manifest: cannot write " + out + ": " + e);
      return ExitCodes.USAGE;
    }
    terminal
        .out()
        .println("wrote " + out + " (manifest.json, color.png, outline.png) for app " + appId);
    if (arguments.option(WEBSITE).isEmpty()) {
      terminal
          .err()
          .println(
              "note: the developer pages are placeholders ("
                  + PLACEHOLDER_SITE
                  + "); pass --website, --privacy and --terms before publishing to the"
                  + " organisation's app catalog.");
    }
    terminal
        .out()
        .println(
            "upload it in Teams: Apps > Manage your apps > Upload an app (or to the org's app"
                + " catalog in the Teams admin center).");
    return ExitCodes.OK;
  }

  private static URI url(String value) {
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("not an absolute URL: " + value);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + value);
    }
  }
}
