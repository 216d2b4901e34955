package fr.avec.server.workbench;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The validated document as a file: plain text and PDF, each ending with the AI mention and the
 * "AI used: yes/no" line of the record. Only validated documents are exported.
 */
public final class DocumentExport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
            .withZone(Reviews.LOCAL_ZONE);

    private DocumentExport() {
    }

    /** The document as UTF-8 text. */
    public static String text(Consultation consultation) {
        requireValidated(consultation);
        return consultation.finalText().strip() + "\n\n---\n" + consultation.aiMention() + "\n" + footer(consultation) + "\n";
    }

    /** The document as a PDF (A4, embedded standard fonts). */
    public static byte[] pdf(Consultation consultation) {
        requireValidated(consultation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle("Compte rendu de consultation");
        document.addCreator("Avec");
        document.open();
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
        Font small = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9, Color.DARK_GRAY);
        for (String line : consultation.finalText().strip().split("\n", -1)) {
            Paragraph paragraph = new Paragraph(line.isEmpty() ? " " : line, body);
            paragraph.setSpacingAfter(2);
            document.add(paragraph);
        }
        Paragraph mention = new Paragraph(consultation.aiMention(), small);
        mention.setSpacingBefore(18);
        document.add(mention);
        document.add(new Paragraph(footer(consultation), small));
        document.close();
        return out.toByteArray();
    }

    private static String footer(Consultation consultation) {
        return (consultation.aiUsed() && consultation.draft() != null ? "IA utilisée : oui" : "IA utilisée : non")
                + " — validé le " + STAMP.format(consultation.validatedAt());
    }

    private static void requireValidated(Consultation consultation) {
        if (!consultation.validated()) {
            throw new IllegalStateException("only a validated document is exported");
        }
    }
}
