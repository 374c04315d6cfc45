package dev.pastefix.core.feedback;

import java.util.List;

/** Where feedback clicks are kept. Implementations are thread-safe. */
public interface FeedbackStore {
  /** Records a vote, replacing an earlier vote of the same voter on the same answer. */
  void record(Vote vote);

  /** The votes on one answer, oldest first. */
  List<Vote> votesOn(String answerKey);

  /** Every vote, oldest first. */
  List<Vote> all();

  /** Helpful and not-helpful counts on one answer. */
  default Tally tally(String answerKey) {
    int up = 0;
    int down = 0;
    for (Vote vote : votesOn(answerKey)) {
      if (vote.helpful()) {
        up++;
      } else {
        down++;
      }
    }
    return new Tally(up, down);
  }

  /** Counts of helpful and not-helpful votes. */
  record Tally(int helpful, int notHelpful) {}
}
