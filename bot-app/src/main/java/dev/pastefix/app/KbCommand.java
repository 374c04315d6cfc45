package dev.pastefix.app;

import java.util.List;

/** {@code pastefix kb list|show ID|validate [DIR]}: read and check the knowledge base. */
final class KbCommand implements Command {
  @Override
  public String name() {
    return "kb";
  }

  @Override
  public String synopsis() {
    return "kb list | kb show ID | kb validate [DIR]";
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    terminal.err().println("kb: not built yet");
    return ExitCodes.NEGATIVE;
  }
}
