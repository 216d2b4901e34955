package fr.avec.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every finding kind of CONTRACTS.md reads as one French sentence and one English sentence. */
class FindingWordingTest {

    private static List<Finding> verify(String generated, String... sources) {
        return VerifierTest.VERIFIER.verify(generated, List.of(sources), List.of(), Verifier.Options.DEFAULT).findings();
    }

    private static Finding first(List<Finding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void unknownDrugWithItsSuggestion() {
        Finding f = first(verify("Traitement par Amoxiciline 1 g x 3/j."), FindingKind.UNKNOWN_DRUG);
        assertThat(FindingWording.fr(f)).isEqualTo("« Amoxiciline » ne correspond à aucun médicament de la base publique (BDPM) ; "
                + "vouliez-vous dire AMOXICILLINE ?");
        assertThat(FindingWording.en(f)).startsWith("« Amoxiciline » matches no drug").endsWith("did you mean AMOXICILLINE?");
    }

    @Test
    void negationConflictQuotesTheSourcePassage() {
        String source = "Médecin : des allergies ?\nPatiente : non, aucune allergie.\nMédecin : vous fumez ?\nPatiente : non.";
        Finding f = first(verify("Allergie à la pénicilline. Tabagisme actif.", source), FindingKind.NEGATION_CONFLICT);
        assertThat(FindingWording.render(f, Locale.FRENCH, List.of(source)))
                .isEqualTo("le texte affirme « Allergie », que la source nie : « Médecin : des allergies ? Patiente : non, aucune allergie. »");
        assertThat(FindingWording.en(f)).startsWith("the text affirms « Allergie », which the source negates: « Médecin");
    }

    @Test
    void omissionNamesItsCategoryInFrench() {
        String source = "Patient : je suis allergique à la pénicilline, ça me donne des plaques.";
        Finding f = first(verify("Consultation pour une angine. Examen sans particularité.", source), FindingKind.OMISSION);
        assertThat(f.category()).isEqualTo("allergy");
        assertThat(FindingWording.fr(f)).startsWith("la source mentionne une allergie que le texte omet : « ")
                .contains("pénicilline");
        assertThat(FindingWording.en(f)).startsWith("the source states an allergy that the text leaves out");
    }

    @Test
    void neverEventIsExplainedInFrench() {
        Finding f = first(verify("Méthotrexate 10 mg par jour per os."), FindingKind.DOSE_NEVER_EVENT);
        assertThat(FindingWording.fr(f)).contains("une fois par SEMAINE").contains("ANSM");
    }

    @Test
    void everyKindHasAFrenchAndAnEnglishWording() {
        Set<FindingKind> seen = EnumSet.noneOf(FindingKind.class);
        List<Finding> samples = List.of(
                new Finding(FindingKind.UNKNOWN_DRUG, Severity.ERROR, 0, 9, "Zokaprazol", "…", null, null),
                new Finding(FindingKind.DRUG_NOT_IN_SOURCE, Severity.ERROR, 0, 9, "Doliprane", "…", null, null),
                new Finding(FindingKind.DOSE_NOT_MARKETED, Severity.WARNING, 0, 19, "Doliprane 2000 mg", "no marketed form of DOLIPRANE has "
                        + "2000 mg (marketed strengths: 500 mg, 1000 mg)", null, null),
                new Finding(FindingKind.DOSE_NEVER_EVENT, Severity.ERROR, 0, 12, "méthotrexate", "…", "diluted slow infusion", null),
                new Finding(FindingKind.NUMBER_NOT_IN_SOURCE, Severity.ERROR, 0, 6, "38,5 °C", "…", null, null),
                new Finding(FindingKind.UNIT_MISMATCH, Severity.ERROR, 0, 4, "5 g", "…", "5 mg", null),
                new Finding(FindingKind.NEGATION_CONFLICT, Severity.ERROR, 0, 6, "fièvre", "the output negates « fièvre », which the source "
                        + "affirms: « fébrile à 39 »", null, new Finding.SourceSpan(0, 10, 22)),
                new Finding(FindingKind.CITATION_NOT_IN_REFERENCES, Severity.ERROR, 0, 3, "[7]", "…", null, null),
                new Finding(FindingKind.CITED_NUMBER_NOT_IN_REFERENCE, Severity.WARNING, 0, 3, "42 %", "…", null, null),
                new Finding(FindingKind.UNSUPPORTED_SENTENCE, Severity.WARNING, 0, 10, "Polype réséqué.", "…", null, null),
                new Finding(FindingKind.PHI_IN_OUTPUT, Severity.WARNING, 0, 6, "Dupont", "identifying data (NOM) in the output", null, null),
                new Finding(FindingKind.READABILITY, Severity.WARNING, 0, 10, "Le patient", "Kandel–Moles readability 41 is below the "
                        + "target 60: shorter sentences and words", null, null),
                new Finding(FindingKind.OMISSION, Severity.WARNING, 5, 5, "", "the source states the absence of fever, which the output "
                        + "leaves out", "pas de fièvre", new Finding.SourceSpan(0, 0, 13), "symptom"));
        for (Finding f : samples) {
            String fr = FindingWording.fr(f);
            String en = FindingWording.en(f);
            assertThat(fr).isNotBlank().isNotEqualTo(en).doesNotContain("…");
            assertThat(en).isNotBlank();
            assertThat(FindingWording.kindName(f.kind(), Locale.FRENCH)).isNotEqualTo(f.kind().name());
            seen.add(f.kind());
        }
        assertThat(seen).containsExactlyInAnyOrder(FindingKind.values());
        assertThat(FindingWording.fr(samples.get(2))).contains("dosages commercialisés : 500 mg, 1000 mg");
        assertThat(FindingWording.fr(samples.get(6))).isEqualTo("le texte nie « fièvre », que la source affirme : « fébrile à 39 »");
        assertThat(FindingWording.fr(samples.get(10))).isEqualTo("donnée identifiante (nom) dans le texte : « Dupont »");
        assertThat(FindingWording.fr(samples.get(11))).startsWith("lisibilité Kandel–Moles 41, sous la cible 60");
        assertThat(FindingWording.fr(samples.get(12))).isEqualTo("la source écarte un symptôme que le texte omet : « pas de fièvre »");
        assertThat(FindingWording.render(samples.get(12), Locale.ENGLISH, List.of("pas de fièvre ni de toux")))
                .isEqualTo("the source rules out a symptom that the text leaves out: « pas de fièvre »");
        assertThat(FindingWording.severityName(Severity.WARNING, Locale.FRENCH)).isEqualTo("avertissement");
    }
}
