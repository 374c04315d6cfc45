package dev.pastefix.core;

import dev.pastefix.core.classify.Candidate;
import java.util.List;

/** What the decision policy chose for one analysed message, before a reply is composed. */
sealed interface Decision {
  /** Present these findings, in order. */
  record Answer(List<Candidate> findings) implements Decision {}

  /** These entries share the error text; ask which fits. */
  record Clarify(List<String> ids, String evidence) implements Decision {}

  /** Addressed, nothing recognised: offer the closest entries. */
  record Unknown(List<String> closest, String why) implements Decision {}

  /** Addressed, but the message belongs to another service. */
  record OtherService(String service) implements Decision {}

  /** Addressed with input that cannot be analysed. */
  record BadInput(String problem) implements Decision {}

  /** Stay quiet. */
  record Silent(String reason) implements Decision {}
}
