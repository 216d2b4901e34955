package fr.avec.verify;

import java.util.List;

/** A drug or substance named in a text, linked to the substances it contains and its CIS codes. */
public record DrugMention(String text, int start, int end, List<String> substances, List<String> cis) {

    public DrugMention {
        substances = List.copyOf(substances);
        cis = List.copyOf(cis);
    }
}
