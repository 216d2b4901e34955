package fr.avec.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invented and misspelt drug names in French clinical writing (prescriptions, « traitement par », medication
 * lists, dose follow-ups) and English notes, and the real words, eponyms and spellings that must never be taken
 * for one.
 */
class UnknownDrugsTest {

    static final DrugLexicon LEXICON = DrugLexicon.builder()
            .product("60234100", "DOLIPRANE 1000 mg, comprimé", true)
            .component("60234100", "PARACÉTAMOL", "1000 mg", true, 1)
            .product("63000001", "KARDEGIC 75 mg, poudre pour solution buvable en sachet", true)
            .component("63000001", "ACIDE ACÉTYLSALICYLIQUE", "75 mg", false, 1)
            .product("66000001", "ECONAZOLE ARROW 1 %, crème", true)
            .component("66000001", "NITRATE D'ÉCONAZOLE", "1 g", true, 1)
            .product("66000002", "LOSARTAN ARROW 50 mg, comprimé", true)
            .component("66000002", "LOSARTAN POTASSIQUE", "50 mg", true, 1)
            .product("66000003", "INDOCID 25 mg, gélule", true)
            .component("66000003", "INDOMÉTACINE", "25 mg", true, 1)
            .product("66000004", "NAPROSYNE 500 mg, comprimé", true)
            .component("66000004", "NAPROXÈNE", "500 mg", true, 1)
            .product("66000005", "COSTEC 10 mg, comprimé", true)
            .component("66000005", "TESTSUBSTANCE", "10 mg", true, 1)
            .product("66000006", "FLUOXETINE ARROW 20 mg, gélule", true)
            .component("66000006", "CHLORHYDRATE DE FLUOXÉTINE", "20 mg", true, 1)
            .product("66000007", "DULOXETINE ARROW 30 mg, gélule", true)
            .component("66000007", "DULOXÉTINE", "30 mg", true, 1)
            .product("66000008", "LASILIX 40 mg, comprimé", true)
            .component("66000008", "FUROSÉMIDE", "40 mg", true, 1)
            .build();

    static final Verifier VERIFIER = Verifier.builder().drugs(LEXICON).omissions(false).build();

    private static List<Finding> unknown(String generated, String... sources) {
        return VERIFIER.verify(generated, List.of(sources), List.of(), Verifier.Options.DEFAULT).findings().stream()
                .filter(f -> f.kind() == FindingKind.UNKNOWN_DRUG).toList();
    }

    @Test
    void inventedNameWithAStemEndingLikeARealDrugIsNotAMetabolite() {
        // « futeconazole » ends like ÉCONAZOLE and « minelosartan » like LOSARTAN: endings, not metabolites.
        assertThat(unknown("L'administration de futeconazole a été poursuivie.")).extracting(Finding::text).containsExactly("futeconazole");
        assertThat(unknown("Thrombopénie induite par le minelosartan.")).extracting(Finding::text).containsExactly("minelosartan");
        // A real metabolite named after its drug stays quiet.
        assertThat(unknown("La fluoxétine est métabolisée en norfluoxétine, dosée dans le plasma.")).isEmpty();
    }

    @Test
    void inventedNamesInFrenchDrugPositions() {
        assertThat(unknown("Chaque ml de la solution buvable contient 10 mg de druxapeconazole."))
                .extracting(Finding::text).containsExactly("druxapeconazole");
        assertThat(unknown("Relais par bofuvipril à la sortie.")).extracting(Finding::text).containsExactly("bofuvipril");
        assertThat(unknown("Patiente sous Kardégic et ravimycine depuis mars.")).extracting(Finding::text).containsExactly("ravimycine");
        assertThat(unknown("Traitement de sortie :\n- Doliprane 1 g si douleur\n- Texarapril.\n")).extracting(Finding::text)
                .containsExactly("Texarapril");
        assertThat(unknown("Zodrucilline pommade deux fois par jour sur la plaie.")).extracting(Finding::text).containsExactly("Zodrucilline");
    }

    @Test
    void inventedNamesInEnglishNotes() {
        assertThat(unknown("She is on miglyglyolol and Mevacor.")).extracting(Finding::text).containsExactly("miglyglyolol");
        assertThat(unknown("In the past, she has tried Claritin, and Botordrupril.")).extracting(Finding::text).containsExactly("Botordrupril");
        assertThat(unknown("1. Prilosec. 2. Tedrupeolol p.r.n.")).extracting(Finding::text).containsExactly("Tedrupeolol");
        assertThat(unknown("Katepecilline 400/80 Tab PO BID #30.")).extracting(Finding::text).containsExactly("Katepecilline");
    }

    @Test
    void misspellingsAreSuggestedTheSameFirstLetterFirst() {
        List<Finding> found = unknown("Traitement par fuloxétine 20 mg le matin.");
        assertThat(found).extracting(f -> fr.avec.text.FoldedText.fold(f.suggestion())).containsExactly("fluoxetine");
    }

    @Test
    void spellingVariantsOfRealDrugsAreKnown() {
        // The older French spelling with « th » and the English brand without its final e.
        assertThat(unknown("Comparaison de l'indométhacine 1 % et du placebo.")).isEmpty();
        assertThat(unknown("She had been taking Naprosyn with little relief.")).isEmpty();
        // A doubled letter is a misspelling, not a variant.
        assertThat(unknown("Traitement par indomethhacine 25 mg.")).extracting(Finding::suggestion).containsExactly("INDOMÉTACINE");
    }

    @Test
    void eponymsAndMedicalTermsAreNotDrugs() {
        assertThat(unknown("Le syndrome de Costen est évoqué.")).isEmpty();
        assertThat(unknown("Costen's syndrome was considered.")).isEmpty();
        assertThat(unknown("He had a trigger finger and a mucocyst, and he has had injections.")).isEmpty();
    }

    @Test
    void realWordsAndLabNamesInDrugPositionsAreQuiet() {
        assertThat(unknown("Traitement par kinésithérapie et repos. Potassium 4,2 mmol/L, créatinine 80 µmol/L.")).isEmpty();
        assertThat(unknown("Mise sous oxygène 2 L/min, relais par voie orale.")).isEmpty();
        assertThat(unknown("Patient vu avec le Dr Martin et Mme Durand, laboratoire Biogaran.")).isEmpty();
    }

    @Test
    void aNameTheTranscriptSaysIsNotInvented() {
        // A US brand the BDPM does not have, said in the dialogue: not a fabrication of the model.
        String dialogue = "Médecin : qu'est-ce que vous prenez ?\nPatient : du Levaquin, cinq cents par jour.";
        assertThat(unknown("Relais par Levaquin 500 mg par jour.", dialogue)).isEmpty();
        assertThat(unknown("Relais par Levaquin 500 mg par jour.")).extracting(Finding::text).containsExactly("Levaquin");
    }
}
