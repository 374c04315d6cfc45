package dev.pastefix.core.reply;

import java.net.URI;
import java.util.Objects;

/**
 * A button a platform can offer under a reply. Adapters encode the action in the button's value
 * and hand clicks back to the engine; they never interpret them.
 */
public sealed interface Action {

  <R> R accept(Visitor<R> visitor);

  /** Renders each kind of action. */
  interface Visitor<R> {
    R openLink(OpenLink action);

    R feedback(Feedback action);

    R runCheck(RunCheck action);

    R share(Share action);
  }

  /** Opens a page, such as the source article. */
  record OpenLink(String label, URI url) implements Action {
    public OpenLink {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(url, "url");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.openLink(this);
    }
  }

  /** "Helpful" / "Not helpful" for the answer about {@code entryIds} (joined by {@code |}). */
  record Feedback(String entryIds, boolean helpful) implements Action {
    public Feedback {
      Objects.requireNonNull(entryIds, "entryIds");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.feedback(this);
    }
  }

  /** Runs a check, with the argument taken from the paste (may be empty). */
  record RunCheck(String checkId, String argument) implements Action {
    public RunCheck {
      Objects.requireNonNull(checkId, "checkId");
      Objects.requireNonNull(argument, "argument");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.runCheck(this);
    }
  }

  /** Re-posts an ephemeral reply visibly in the channel. */
  record Share() implements Action {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.share(this);
    }
  }
}
