package fr.avec.server.literature;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A validated synthesis as a file: PDF (A4) and Markdown, each with the question, the text, the numbered
 * Vancouver bibliography of the chosen references, the AI mention and the record line. Only validated
 * syntheses are exported.
 */
public final class SynthesisExport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
            .withZone(SynthesisReviews.LOCAL_ZONE);
    private static final Color ACCENT = new Color(0x1d, 0x4e, 0x89);

    private SynthesisExport() {
    }

    /** The synthesis as Markdown (CommonMark). */
    public static String markdown(Synthesis s, List<SynthesisReference> chosen) {
        requireValidated(s);
        StringBuilder out = new StringBuilder("# Synthèse de la littérature\n\n");
        out.append("**Question :** ").append(s.question()).append("\n\n");
        pico(s, (label, value) -> out.append("- **").append(label).append(" :** ").append(value).append('\n'));
        if (s.hasPico()) {
            out.append('\n');
        }
        out.append(s.finalText().strip()).append("\n\n## Références\n\n");
        for (int k = 0; k < chosen.size(); k++) {
            out.append(k + 1).append(". ").append(chosen.get(k).vancouver()).append('\n');
        }
        out.append("\n---\n\n*").append(s.aiMention()).append("*\n\n").append(footer(s)).append('\n');
        return out.toString();
    }

    /** The synthesis as a PDF. */
    public static byte[] pdf(Synthesis s, List<SynthesisReference> chosen) {
        requireValidated(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 62, 62, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle("Synthèse de la littérature — " + s.question());
        document.addCreator("Avec");
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, ACCENT);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13, ACCENT);
        Font label = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10.5f);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10.5f);
        Font reference = FontFactory.getFont(FontFactory.HELVETICA, 9.5f);
        Font small = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9, Color.DARK_GRAY);
        Paragraph t = new Paragraph("Synthèse de la littérature", title);
        t.setSpacingAfter(10);
        document.add(t);
        Paragraph question = new Paragraph();
        question.add(new Chunk("Question : ", label));
        question.add(new Chunk(s.question(), body));
        question.setSpacingAfter(4);
        document.add(question);
        pico(s, (name, value) -> {
            Paragraph p = new Paragraph();
            p.add(new Chunk(name + " : ", label));
            p.add(new Chunk(value, body));
            p.setIndentationLeft(12);
            document.add(p);
        });
        for (String line : s.finalText().strip().split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            Paragraph p;
            if (l.startsWith("#")) {
                p = new Paragraph(l.replaceFirst("^#+\\s*", ""), heading);
                p.setSpacingBefore(10);
            } else {
                p = new Paragraph(l.replace("**", ""), body);
                p.setAlignment(Element.ALIGN_JUSTIFIED);
                p.setLeading(15);
            }
            p.setSpacingAfter(5);
            document.add(p);
        }
        Paragraph refs = new Paragraph("Références", heading);
        refs.setSpacingBefore(14);
        refs.setSpacingAfter(4);
        document.add(refs);
        for (int k = 0; k < chosen.size(); k++) {
            Paragraph p = new Paragraph((k + 1) + ". " + chosen.get(k).vancouver(), reference);
            p.setIndentationLeft(16);
            p.setFirstLineIndent(-16);
            p.setSpacingAfter(3);
            document.add(p);
        }
        Paragraph mention = new Paragraph(s.aiMention(), small);
        mention.setSpacingBefore(18);
        document.add(mention);
        document.add(new Paragraph(footer(s), small));
        document.close();
        return out.toByteArray();
    }

    private static void pico(Synthesis s, java.util.function.BiConsumer<String, String> field) {
        String[][] fields = {{"Population", s.population()}, {"Intervention", s.intervention()}, {"Comparateur", s.comparison()},
            {"Critère de jugement", s.outcome()}};
        for (String[] f : fields) {
            if (f[1] != null && !f[1].isBlank()) {
                field.accept(f[0], f[1]);
            }
        }
    }

    private static String footer(Synthesis s) {
        return (s.aiUsed() ? "IA utilisée : oui" : "IA utilisée : non") + " — validé le " + STAMP.format(s.validatedAt());
    }

    private static void requireValidated(Synthesis s) {
        if (!s.validated()) {
            throw new IllegalStateException("only a validated synthesis is exported");
        }
    }
}
