package dev.pastefix.core.classify;

import java.util.Optional;

/**
 * Where trained categorizer models are kept between runs, keyed by the fingerprint of what they
 * were trained on. A store hands back only bytes it can vouch for; the caller still treats a model
 * that fails to decode as missing and trains it again.
 */
public interface ModelStore {
  /** The model trained on what {@code fingerprint} names, when this store holds an intact copy. */
  Optional<byte[]> read(String fingerprint);

  /**
   * Keeps {@code model} under {@code fingerprint}; a store that cannot write says so in its log.
   */
  void write(String fingerprint, byte[] model);

  /** A store that holds nothing and keeps nothing: every start trains. */
  static ModelStore none() {
    return new ModelStore() {
      @Override
      public Optional<byte[]> read(String fingerprint) {
        return Optional.empty();
      }

      @Override
      public void write(String fingerprint, byte[] model) {}
    };
  }

  /** Reads from this store, then from {@code next}; writes go to {@code next} only. */
  default ModelStore then(ModelStore next) {
    ModelStore first = this;
    return new ModelStore() {
      @Override
      public Optional<byte[]> read(String fingerprint) {
        return first.read(fingerprint).or(() -> next.read(fingerprint));
      }

      @Override
      public void write(String fingerprint, byte[] model) {
        next.write(fingerprint, model);
      }
    };
  }
}
