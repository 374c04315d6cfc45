package dev.pastefix.app;

import dev.pastefix.teams.TeamsAppPackage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code pastefix teams-manifest --out FILE.zip}: writes the Teams app package for {@code
 * TEAMS_APP_ID}, to upload in Teams or to the organisation's app catalog. Exit 0 when written, 2
 * for wrong usage or an unwritable file, 3 when {@code TEAMS_APP_ID} is missing or invalid.
 */
@CommandLine.Command(
    name = "teams-manifest",
    sortOptions = false,
    description = {
      "Write the Teams app package for TEAMS_APP_ID.",
      "",
      "Write the Teams app package (manifest.json, color.png, outline.png) for TEAMS_APP_ID, to"
          + " upload in Teams (Apps > Manage your apps > Upload an app) or to the organisation's"
          + " app catalog."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "2:wrong usage, or a file that cannot be written",
      "3:TEAMS_APP_ID is missing or invalid"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  TEAMS_APP_ID=00000000-0000-0000-0000-000000000000 pastefix teams-manifest --out"
          + " pastefix-teams.zip",
      "  pastefix teams-manifest --out app.zip --website https://it.example.com/pastefix"
    })
final class TeamsManifestCommand implements Command {
  static final String OUT = "--out";
  static final String VERSION = "--version";
  static final String DEVELOPER = "--developer";
  static final String WEBSITE = "--website";
  static final String PRIVACY = "--privacy";
  static final String TERMS = "--terms";

  /** Reserved for documentation: shown until the organisation's own pages are given. */
  static final String PLACEHOLDER_SITE = "https://www.example.com/pastefix";

  @Option(
      names = OUT,
      required = true,
      paramLabel = "FILE.zip",
      converter = CommandLineTypes.DirectoryName.class,
      description = "where the package is written")
  private Path out;

  @Option(
      names = VERSION,
      paramLabel = "X.Y.Z",
      defaultValue = "1.0.0",
      description = "the app's version in the manifest (default ${DEFAULT-VALUE})")
  private String version;

  @Option(
      names = DEVELOPER,
      paramLabel = "NAME",
      defaultValue = "pastefix",
      description = "the developer's name in the manifest (default ${DEFAULT-VALUE})")
  private String developer;

  @Option(
      names = WEBSITE,
      paramLabel = "URL",
      description = "the developer's website (default a placeholder, " + PLACEHOLDER_SITE + ")")
  private Optional<String> website = Optional.empty();

  @Option(
      names = PRIVACY,
      paramLabel = "URL",
      description = "the privacy page (default WEBSITE/privacy)")
  private Optional<String> privacy = Optional.empty();

  @Option(
      names = TERMS,
      paramLabel = "URL",
      description = "the terms of use (default WEBSITE/terms)")
  private Optional<String> terms = Optional.empty();

  @Override
  public int execute(Terminal terminal) {
    String appId;
    try {
      appId = Settings.teamsAppIdFrom(terminal.env());
    } catch (Settings.InvalidSettings e) {
      terminal.err().println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    String site = website.orElse(PLACEHOLDER_SITE);
    TeamsAppPackage.Details details;
    try {
      details =
          new TeamsAppPackage.Details(
              version,
              developer,
              url(site),
              url(privacy.orElse(site + "/privacy")),
              url(terms.orElse(site + "/terms")));
    } catch (IllegalArgumentException e) {
      terminal.err().println("pastefix teams-manifest: " + e.getMessage());
      return ExitCodes.USAGE;
    }
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
    if (website.isEmpty()) {
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
