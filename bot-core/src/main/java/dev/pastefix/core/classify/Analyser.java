package dev.pastefix.core.classify;

import dev.pastefix.core.text.NormalisedText;
import dev.pastefix.core.text.TextNormaliser;
import dev.pastefix.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs every classifier over one message: normalisation, signatures, the concept lexicon, the
 * look-alike list and the categorizer. Built once at start-up (training the categorizer takes a
 * few hundred milliseconds); thread-safe afterwards.
 */
public final class Analyser {
  /** How many model candidates an analysis keeps. */
  static final int MODEL_CANDIDATES = 5;

  private final TextNormaliser normaliser;
  private final SignatureIndex signatures;
  private final Lexicon lexicon;
  private final LookAlikes lookAlikes;
  private final CategoryModel model;
  private final Combiner combiner;

  public Analyser(
      TextNormaliser normaliser,
      SignatureIndex signatures,
      Lexicon lexicon,
      LookAlikes lookAlikes,
      CategoryModel model,
      Combiner combiner) {
    this.normaliser = normaliser;
    this.signatures = signatures;
    this.lexicon = lexicon;
    this.lookAlikes = lookAlikes;
    this.model = model;
    this.combiner = combiner;
  }

  /** The analyser for {@code kb} with the lexicon, look-alikes and background corpus shipped. */
  public static Analyser forKnowledge(KnowledgeBase kb) {
    Lexicon lexicon = Lexicon.shipped();
    Featurizer featurizer = new Featurizer(lexicon);
    return new Analyser(
        new TextNormaliser(),
        new SignatureIndex(kb),
        lexicon,
        LookAlikes.shipped(),
        new CategoryModel(kb, featurizer, Resources.lines("background.txt")),
        new Combiner(SharedErrorHints.shipped()));
  }

  public Analysis analyse(String raw) {
    return analyse(normaliser.normalise(raw));
  }

  public Analysis analyse(NormalisedText text) {
    Set<String> concepts = lexicon.find(text.lower());
    List<Candidate> sigs = combiner.combine(signatures.find(text.lower()), concepts);
    List<Candidate> ranked = new ArrayList<>();
    double none = 0;
    for (CategoryModel.Score score : model.rank(text.text())) {
      if (score.category().equals(CategoryModel.NONE)) {
        none = score.probability();
      } else if (ranked.size() < MODEL_CANDIDATES) {
        ranked.add(
            new Candidate(
                score.category(),
                clamp(score.probability()),
                Candidate.Source.MODEL,
                -1,
                "similar to: " + score.category(),
                List.of()));
      }
    }
    return new Analysis(
        text,
        sigs,
        ranked,
        clamp(none),
        concepts,
        lookAlikes.otherService(text),
        lookAlikes.namesOurService(text));
  }

  /** The categorizer's ranking of one text (for segment checks). */
  public List<CategoryModel.Score> rank(String text) {
    return model.rank(text);
  }

  public TextNormaliser normaliser() {
    return normaliser;
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
