package dev.pastefix.core.pipeline.builtin;

import dev.pastefix.core.Engine;
import dev.pastefix.core.Inbound;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.Turn;
import dev.pastefix.core.answer.Wording;
import dev.pastefix.core.pipeline.Routes;
import dev.pastefix.core.pipeline.Step;
import dev.pastefix.core.reply.BotCommand;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The last step, which always answers: a message that is a command goes to its route, any other
 * message to the engine's diagnosis, and a click runs the command its button carried.
 */
public final class Dispatch implements Step {
  private final Routes routes;
  private final Supplier<Engine> engine;

  public Dispatch(Routes routes, Supplier<Engine> engine) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public Turn apply(Inbound in, Chain next) {
    if (in instanceof Inbound.Message message) {
      Optional<Routes.Match> command = routes.match(message);
      if (command.isPresent()) {
        return Turn.of(in, command.get().run(message));
      }
      return engine.get().diagnose(message);
    }
    Inbound.Click click = (Inbound.Click) in;
    BotCommand command = click.command();
    if (command instanceof BotCommand.RunCheck run) {
      Outcome outcome =
          engine
              .get()
              .checks()
              .map(desk -> desk.run(run, in.origin()))
              .orElseGet(() -> new Outcome.Info(Wording.of(in).commandUnavailable()));
      return Turn.of(in, outcome);
    }
    throw new IllegalStateException("unknown button command " + command);
  }
}
