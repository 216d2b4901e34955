package fr.avec.communicate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The transparency sentence stamped on a validated document, after the HAS–CNIL model: « Ce compte rendu
 * a été établi avec l'assistance de [outil, version], validé par [Dr nom, fonction] le [date] », or, for a
 * document written without AI, a sentence that says so (the record keeps "AI used: yes/no" either way).
 *
 * @param aiUsed        whether a generative model drafted the document
 * @param tool          the tool and model that assisted, e.g. « Avec 0.1.0 (modèle mistral-small-3.2) »; ignored without AI
 * @param validatorName the name as the professional signs, e.g. « Dr Claire Martin »
 * @param validatorRole the professional's function, e.g. « médecin généraliste »; may be blank
 * @param date          the day of validation
 */
public record AiMention(boolean aiUsed, String tool, String validatorName, String validatorRole, LocalDate date) {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    public AiMention {
        Objects.requireNonNull(validatorName, "validatorName");
        Objects.requireNonNull(date, "date");
        if (validatorName.isBlank()) {
            throw new IllegalArgumentException("a validated document names its validator");
        }
        if (aiUsed && (tool == null || tool.isBlank())) {
            throw new IllegalArgumentException("the AI mention names the tool and its version");
        }
        validatorRole = validatorRole == null ? "" : validatorRole.strip();
    }

    /** The French sentence printed at the foot of the document. */
    public String text() {
        return text("Ce compte rendu");
    }

    /**
     * The sentence for another kind of document, {@code subject} naming it with its determiner (« Cette synthèse »,
     * « Ce document d'information »), masculine agreement as in « établi » / « rédigé ».
     */
    public String text(String subject) {
        String validator = validatorRole.isEmpty() ? validatorName.strip() : validatorName.strip() + ", " + validatorRole;
        String day = date.format(FRENCH_DATE);
        if (!aiUsed) {
            return subject + " a été rédigé sans assistance d'une intelligence artificielle générative, validé par "
                    + validator + " le " + day + ".";
        }
        return subject + " a été établi avec l'assistance de " + tool.strip() + ", validé par " + validator + " le " + day + ".";
    }
}
