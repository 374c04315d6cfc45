package dev.pastefix.core.state;

import java.time.Duration;

class InMemoryAnswerLogTest extends AnswerLogContract {
  @Override
  protected AnswerLog log(Duration retention) {
    return new InMemoryAnswerLog(clock, retention);
  }
}
