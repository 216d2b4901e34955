package fr.avec.verify.omission;

import fr.avec.text.Quantity;
import java.util.List;
import java.util.Objects;

/**
 * A clinically important fact of a source: its category, the concept it names (a vocabulary concept, a
 * drug's substance), its value when it has one, the allergen of an allergy, its polarity, and where it is:
 * {@code start}/{@code end} the words that state it and {@code passageStart}/{@code passageEnd} the passage
 * to show, both in UTF-16 offsets of source number {@code sourceIndex}.
 *
 * @param concept    the vocabulary concept id (« hypertension », « allergy/none ») or the drug's first substance
 * @param label      how the fact reads in a message (« allergy: pénicilline », « blood pressure 14/9 »)
 * @param value      the value of a vital sign, lab value, dose or follow-up delay, or null
 * @param substances the substances of a drug, or of a drug allergen, empty otherwise
 * @param object     the normalised words the output must name: the allergen when it is not a known drug, or the
 *                   content words of a negated finding the vocabulary does not name; null otherwise
 */
public record Fact(FactCategory category, String concept, String label, Polarity polarity, int sourceIndex, int start,
                   int end, int passageStart, int passageEnd, Quantity value, List<String> substances, String object) {

    public Fact {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(polarity, "polarity");
        substances = List.copyOf(substances);
    }

    /** The concept's family: « allergy » for « allergy/none », so that « NKDA » and « allergie » meet. */
    public String family() {
        int slash = concept.indexOf('/');
        return slash < 0 ? concept : concept.substring(0, slash);
    }

    /** Whether the source denies the fact (« pas de fièvre », « non-fumeur », « NKDA »). */
    public boolean negated() {
        return polarity == Polarity.NEGATED || concept.endsWith("/none");
    }

    /** Whether the source only asks about it without a clear answer (allergy and safety questions are kept). */
    public boolean asked() {
        return polarity == Polarity.HYPOTHETICAL;
    }
}
