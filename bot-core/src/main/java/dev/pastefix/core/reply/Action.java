package dev.pastefix.core.reply;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A button a platform can offer under a reply. Every label is worded by the core in the reply's
 * language; adapters show it as given, encode the action in the button (value or custom id) and
 * hand clicks back to the engine as typed data, never interpreting them.
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

  /**
   * "Helpful" / "Not helpful" (the {@code label}, localised) for the answer about {@code entryIds},
   * in the order the answer presents them.
   */
  record Feedback(List<String> entryIds, boolean helpful, String label) implements Action {
    public Feedback {
      entryIds = List.copyOf(entryIds);
      Objects.requireNonNull(label, "label");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.feedback(this);
    }
  }

  /**
   * Runs a check: the click reaches the engine as {@code command}, unchanged. The {@code label}
   * (such as "Run check: dns contoso.com") is localised by the core.
   */
  record RunCheck(BotCommand.RunCheck command, String label) implements Action {
    public RunCheck {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(label, "label");
    }

    /** The check to run, such as {@code dns}. */
    public String checkId() {
      return command.checkId();
    }

    /** The check's argument taken from the paste; may be empty. */
    public String argument() {
      return command.argument();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.runCheck(this);
    }
  }

  /**
   * Re-posts an ephemeral reply visibly in the channel. Adapters add this button themselves to the
   * replies they show privately, labelled with {@code Wording#shareInChannel()} of the reply's
   * language.
   */
  record Share() implements Action {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.share(this);
    }
  }
}
