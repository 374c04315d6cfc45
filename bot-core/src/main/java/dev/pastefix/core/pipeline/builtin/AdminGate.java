package dev.pastefix.core.pipeline.builtin;

import dev.pastefix.core.Inbound;
import dev.pastefix.core.Turn;
import dev.pastefix.core.admin.AdminCommands;
import dev.pastefix.core.pipeline.Routes;
import dev.pastefix.core.pipeline.Step;
import java.util.Objects;
import java.util.Optional;

/** Refuses the admin routes to anyone not listed as an admin; everything else passes on. */
public final class AdminGate implements Step {
  private final Routes routes;
  private final AdminCommands admin;

  public AdminGate(Routes routes, AdminCommands admin) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.admin = Objects.requireNonNull(admin, "admin");
  }

  @Override
  public Turn apply(Inbound in, Chain next) {
    if (in instanceof Inbound.Message message) {
      Optional<Routes.Match> match = routes.match(message).filter(m -> m.route().admin());
      if (match.isPresent() && !admin.allows(in.origin())) {
        return Turn.of(in, admin.refusal(match.get().route().name(), in.origin()));
      }
    }
    return next.proceed(in);
  }
}
