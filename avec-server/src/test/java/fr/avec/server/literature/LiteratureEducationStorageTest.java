package fr.avec.server.literature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.server.AvecServer;
import fr.avec.server.education.Material;
import fr.avec.server.education.MaterialImage;
import fr.avec.server.education.MaterialReviews;
import fr.avec.server.education.Materials;
import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.Reviews;
import fr.avec.testing.SharedData;
import fr.avec.verify.readability.Audience;
import fr.avec.verify.source.Reference;
import fr.avec.verify.source.ReferenceFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Syntheses and patient material on both databases: references deduplicated across imports, validation refused for a
 * fabricated citation and for sources not consulted, images stored as bytes and refused until checked, fates recorded.
 */
class LiteratureEducationStorageTest {

    @TempDir
    Path home;
    private TestDatabases.Target pg;

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresql(pg);
    }

    @Test
    void onH2() throws Exception {
        scenario(TestDatabases.h2());
    }

    @Test
    void onPostgresql() throws Exception {
        pg = TestDatabases.postgresql();
        scenario(pg);
    }

    private static Reference reference(String title, String doi, String text) {
        return new Reference(title, List.of("Durand P"), "Rev Prat", "2021", "71", "2", "145-152", doi, "", text, ReferenceFormat.RIS);
    }

    private void scenario(TestDatabases.Target db) throws Exception {
        List<String> args = new ArrayList<>(List.of("--avec.home=" + home, "--avec.data-dir=" + SharedData.root(), "--avec.db.url=" + db.url(),
                "--avec.db.user=" + db.user(), "--avec.db.password=" + db.password(), "--logging.level.root=WARN"));
        if (db.schema() != null) {
            args.add("--spring.flyway.schemas=" + db.schema());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            LocalAccounts accounts = context.getBean(LocalAccounts.class);
            accounts.createOrUpdate("dr.martin", "correct-horse-battery-staple", Role.CLINICIAN, "Dr Claire Martin", "médecin généraliste");
            LocalAccounts.Account martin = accounts.find("dr.martin").orElseThrow();

            Syntheses syntheses = context.getBean(Syntheses.class);
            SynthesisReviews reviews = context.getBean(SynthesisReviews.class);
            long id = syntheses.create("dr.martin", "L'exercice prévient-il les chutes ?", "Personnes âgées", "", "", "Chutes", "mistral-small-3.2");
            syntheses.add(id, List.of(reference("Activité physique et prévention des chutes : une méta-analyse", "10.1000/a",
                    "L'activité physique réduit de 23 % le nombre de chutes chez les personnes âgées.")));
            // The same article again (DOI in upper case) with a longer text, and a new one.
            assertThat(syntheses.add(id, List.of(reference("Activité physique et prévention des chutes", "10.1000/A",
                            "L'activité physique réduit de 23 % le nombre de chutes chez les personnes âgées vivant à domicile."),
                    reference("Vitamine D et chutes", "10.1000/b", "La vitamine D réduit les chutes de 19 % en cas de carence."))).duplicates())
                    .isEqualTo(1);
            List<SynthesisReference> refs = syntheses.chosen(id);
            assertThat(refs).hasSize(2);
            assertThat(refs.get(0).reference().text()).endsWith("vivant à domicile.");

            String draft = "L'activité physique réduit de 23 % le nombre de chutes des personnes âgées [1].\n"
                    + "La vitamine D réduit les chutes de 19 % en cas de carence [2].\nLe tai-chi supprime toutes les chutes [5].";
            syntheses.draftReady(id, draft, "req_1", "mistral-small-3.2");
            Synthesis s = syntheses.find(id).orElseThrow();
            assertThat(reviews.review(s).findings()).anySatisfy(f -> assertThat(f.kind() + " " + f.text()).isEqualTo("CITATION_NOT_IN_REFERENCES [5]"));
            assertThatThrownBy(() -> reviews.validate(s, martin, null, draft)).isInstanceOfSatisfying(SynthesisReviews.ValidationRefused.class,
                    refused -> assertThat(refused.notConsulted()).containsExactly(1, 2));
            String fixed = draft.substring(0, draft.lastIndexOf('\n'));
            syntheses.consulted(id, refs.get(0).id(), "dr.martin", true);
            assertThatThrownBy(() -> reviews.validate(s, martin, null, fixed)).isInstanceOfSatisfying(SynthesisReviews.ValidationRefused.class,
                    refused -> assertThat(refused.notConsulted()).containsExactly(2));
            syntheses.consulted(id, refs.get(1).id(), "dr.martin", true);
            Synthesis validated = reviews.validate(syntheses.find(id).orElseThrow(), martin, null, fixed);
            assertThat(validated.validated()).isTrue();
            assertThat(validated.aiMention()).startsWith("Ce document de synthèse a été établi avec l'assistance de Avec");
            assertThat(reviews.fates(id)).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo("CITATION_NOT_IN_REFERENCES");
                assertThat(f.fate()).isEqualTo(Reviews.Fate.FIXED);
            });
            assertThat(syntheses.chosen(id)).allSatisfy(r -> assertThat(r.consultedBy()).isEqualTo("dr.martin"));

            Materials materials = context.getBean(Materials.class);
            MaterialReviews materialReviews = context.getBean(MaterialReviews.class);
            long m = materials.create("dr.martin", "La metformine", Audience.FALC, null, Material.Format.LEAFLET,
                    "Metformine 500 mg, 1 comprimé matin et soir.", "mistral-small-3.2");
            String leaflet = "Prenez 1 comprimé de metformine 500 mg le matin.";
            materials.draftReady(m, leaflet, "req_2", "mistral-small-3.2");
            byte[] png = ReferencePng.PIXEL;
            long image = materials.addImage(m, "Un comprimé", "image/png", png, MaterialImage.Origin.UPLOADED, null, null);
            assertThat(materials.imageContent(m, image)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(png));
            Material material = materials.find(m).orElseThrow();
            assertThatThrownBy(() -> materialReviews.validate(material, martin, null, leaflet))
                    .isInstanceOfSatisfying(MaterialReviews.ValidationRefused.class,
                            refused -> assertThat(refused.uncheckedImages()).containsExactly("Un comprimé"));
            materials.check(m, image, true, true, false, "dr.martin");
            assertThat(materials.images(m).get(0).checked()).isFalse();
            materials.check(m, image, true, true, true, "dr.martin");
            Material done = materialReviews.validate(materials.find(m).orElseThrow(), martin, null, leaflet);
            assertThat(done.aiMention()).startsWith("Ce document d'information a été établi avec l'assistance de Avec");
            assertThat(materials.images(m).get(0).checkedBy()).isEqualTo("dr.martin");
        }
    }

    /** The smallest valid PNG: one white pixel. */
    static final class ReferencePng {
        static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");
    }
}
