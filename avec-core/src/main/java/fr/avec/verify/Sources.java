package fr.avec.verify;

import fr.avec.text.FoldedText;
import fr.avec.text.Quantity;
import fr.avec.text.Unit;
import fr.avec.text.QuantityScanner;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The sources of one verification, analysed once: their values, drugs, negated and affirmed terms, sentences. */
final class Sources {

    final List<String> texts;
    final List<List<Token>> tokens = new ArrayList<>();
    final List<Quantity> quantities = new ArrayList<>();
    final Set<String> substances = new HashSet<>();
    final NegationScopes.Polarities polarities = new NegationScopes.Polarities();
    /** Per source, for omission detection: its values, drug matches and the polarity of each token. */
    final List<List<Quantity>> quantitiesBySource = new ArrayList<>();
    final List<List<DrugLexicon.Match>> drugMatches = new ArrayList<>();
    final List<int[]> tokenPolarities = new ArrayList<>();
    final SentenceSupport.Index support;

    private Sources(List<String> texts, DrugLexicon drugs) {
        this.texts = List.copyOf(texts);
        for (String text : texts) {
            List<Token> t = Tokenizer.tokenize(text);
            tokens.add(t);
            List<Quantity> own = new ArrayList<>();
            for (Quantity q : QuantityScanner.scan(t)) {
                own.add(ages(text, q));
            }
            quantities.addAll(own);
            quantitiesBySource.add(own);
            List<DrugLexicon.Match> matches = drugs == null ? List.of() : drugs.matches(t);
            drugMatches.add(matches);
            for (DrugLexicon.Match m : matches) {
                substances.addAll(m.entry().substances());
            }
            int[] polarity = NegationScopes.polarities(text, t);
            tokenPolarities.add(polarity);
            NegationScopes.collect(t, polarity, polarities, tokenPolarities.size() - 1);
        }
        this.support = SentenceSupport.Index.of(texts, tokens);
    }

    private static final Unit YEARS = new Unit("an", "duration", 365.25);

    /**
     * A bare number answering « how old are you? » / « quel âge avez-vous ? » is an age in years, so that
     * « 19 months » in the output is a unit mismatch rather than grounded by the bare « nineteen ».
     */
    private static Quantity ages(String text, Quantity q) {
        if (q.hasUnit() || q.kind() != Quantity.Kind.NUMBER || q.value() > 120) {
            return q;
        }
        String before = FoldedText.fold(text.substring(Math.max(0, q.start() - 100), q.start()));
        int question = Math.max(Math.max(before.lastIndexOf("how old"), before.lastIndexOf("your age")),
                Math.max(before.lastIndexOf("quel age"), before.lastIndexOf("votre age")));
        if (question < 0 || before.indexOf('?', question) < 0 && !before.endsWith("age ")) {
            return q;
        }
        return new Quantity(q.start(), q.end(), q.kind(), q.value(), q.second(), YEARS, q.inWords());
    }

    static Sources of(List<String> texts, DrugLexicon drugs) {
        return new Sources(texts, drugs);
    }

    /** Whether a source names the entry's drug, by any of its names (brand or substance). */
    boolean mentionsAny(DrugLexicon.Entry entry) {
        for (String substance : entry.substances()) {
            if (substances.contains(substance)) {
                return true;
            }
        }
        return false;
    }
}
