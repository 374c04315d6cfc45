package dev.pastefix.core;

import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.pipeline.builtin.Guard;
import dev.pastefix.core.state.BotState;
import dev.pastefix.core.testing.TestingPipelines;
import dev.pastefix.knowledge.KnowledgeBase;
import java.time.Clock;

/** The production pipeline over the shipped knowledge base, shared by the tests of this module. */
final class TestingEngines {
  private static Shipped shipped;

  private TestingEngines() {}

  /** The pipeline, answering with outcomes, and how often its guard caught a failure. */
  static final class Shipped {
    private final Pipeline pipeline;

    Shipped(Pipeline pipeline) {
      this.pipeline = pipeline;
    }

    Outcome handle(Inbound in) {
      return pipeline.handle(in).outcome();
    }

    long failures() {
      return ((Guard) pipeline.steps().get(0)).failures();
    }
  }

  static KnowledgeBase knowledge() {
    return TestingPipelines.knowledge();
  }

  static synchronized Shipped shipped() {
    if (shipped == null) {
      // Thousands of messages, some of megabytes: their answer-log rows are not written.
      shipped =
          new Shipped(
              TestingPipelines.over(BotState.inMemory(Clock.systemUTC()))
                  .logWriter(row -> {})
                  .build());
    }
    return shipped;
  }

  static Outcome direct(String text) {
    return shipped().handle(TestingMessages.of(text, Channel.DIRECT, "U1", "D1"));
  }

  static Outcome channel(String text) {
    return shipped().handle(TestingMessages.of(text, Channel.CHANNEL, "U1", "C1"));
  }

  static Outcome command(String text) {
    return shipped().handle(TestingMessages.of(text, Channel.COMMAND, "U1", "C1"));
  }
}
