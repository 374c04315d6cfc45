package dev.pastefix.app;

import dev.pastefix.core.state.BotState;
import dev.pastefix.core.telemetry.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The platforms the settings configure, not started yet: one line per platform. */
final class Platforms {
  private Platforms() {}

  static List<Platform> configured(
      Settings settings,
      Startup.Ready ready,
      BotState state,
      Duration staleClaimAfter,
      Telemetry telemetry) {
    List<Platform> platforms = new ArrayList<>();
    settings
        .slack()
        .ifPresent(
            s ->
                platforms.add(
                    new SlackPlatform(
                        s,
                        settings.service().httpHost(),
                        ready.bot(),
                        state,
                        staleClaimAfter,
                        telemetry)));
    settings
        .discord()
        .ifPresent(
            d ->
                platforms.add(
                    new DiscordPlatform(d, ready.bot(), state, ready.knowledge(), telemetry)));
    settings
        .teams()
        .ifPresent(
            t ->
                platforms.add(
                    new TeamsPlatform(
                        t, settings.service().httpHost(), ready.bot(), state, telemetry)));
    return platforms;
  }
}
