package dev.pastefix.knowledge;

import java.util.List;

/**
 * Thrown by {@link KnowledgeLoader} when knowledge files are invalid; {@link #problems()} holds
 * every problem found, and the message lists them all, one per line. It is checked so that every
 * caller decides what an invalid knowledge base means for it (refuse to start, exit non-zero).
 */
public final class InvalidKnowledgeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidKnowledgeException(List<Problem> problems) {
    super(message(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid knowledge base has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size() == 1 ? "1 problem" : problems.size() + " problems")
        .append(" in the knowledge base:");
    for (Problem problem : problems) {
      sb.append("\n  ").append(problem);
    }
    return sb.toString();
  }
}
