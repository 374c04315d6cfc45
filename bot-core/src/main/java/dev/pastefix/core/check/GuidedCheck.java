package dev.pastefix.core.check;

/**
 * A check the administrator runs: the bot gives the exact command, the administrator pastes its
 * output, and {@link #interpret(String)} reads it (English, French or Korean Windows).
 */
public non-sealed interface GuidedCheck extends Check {
  /** The exact command to run on the administrator's machine. */
  String command();

  /** Reads pasted output; {@link CheckStatus#UNRECOGNISED} when it is not this command's output. */
  CheckVerdict interpret(String output);

  /** A sign-in address is no output, so a button carrying one starts the guided exchange. */
  @Override
  default CheckInput input() {
    return CheckInput.SIGN_IN_ADDRESS;
  }

  @Override
  default String usage() {
    return "check " + id() + " [pasted output of " + command() + "]";
  }

  @Override
  default CheckVerdict run(String argument) {
    return interpret(argument);
  }

  /** The verdict for output that is not this command's: say so and give the command again. */
  default CheckVerdict unrecognised(String why) {
    return CheckVerdict.builder(id())
        .status(CheckStatus.UNRECOGNISED)
        .headline("This does not look like the output of " + command() + ". " + why)
        .fix(FixStep.of("Run this command and paste everything it prints:", command()))
        .build();
  }
}
