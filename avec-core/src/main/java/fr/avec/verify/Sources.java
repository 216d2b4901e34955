package fr.avec.verify;

import fr.avec.text.Quantity;
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
    final Set<String> drugWords = new HashSet<>();
    final NegationScopes.Polarities polarities = new NegationScopes.Polarities();
    final SentenceSupport.Index support;

    private Sources(List<String> texts, DrugLexicon drugs) {
        this.texts = List.copyOf(texts);
        for (String text : texts) {
            List<Token> t = Tokenizer.tokenize(text);
            tokens.add(t);
            quantities.addAll(QuantityScanner.scan(t));
            if (drugs != null) {
                for (DrugLexicon.Match m : drugs.matches(t)) {
                    substances.addAll(m.entry().substances());
                }
            }
            for (Token token : t) {
                if (token.isWord()) {
                    drugWords.add(token.text());
                }
            }
            NegationScopes.collect(t, polarities);
        }
        this.support = SentenceSupport.Index.of(texts);
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
        return entry.substances().isEmpty() && drugWords.contains(fr.avec.text.FoldedText.fold(entry.name()).split(" ")[0]);
    }
}
