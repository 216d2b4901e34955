package fr.avec.server.communicate.transparency;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** The transparency register as a PDF for the DPO's file: one table row per AI tool (A4 landscape). */
public final class TransparencyPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private TransparencyPdf() {
    }

    public static byte[] render(TransparencyReport.Report report, LocalDate from, LocalDate to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Registre de transparence des outils d'IA");
        document.addCreator("Avec");
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font header = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8, Color.WHITE);
        Font cell = FontFactory.getFont(FontFactory.HELVETICA, 8);
        Font small = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8, Color.DARK_GRAY);
        document.add(new Paragraph("Registre de transparence des outils d'IA générative", title));
        document.add(new Paragraph("Période du " + DATE.format(from) + " au " + DATE.format(to)
                + ". Comptes tirés du journal d'audit chaîné d'Avec : nombre de requêtes par cas d'usage, et nombre de données "
                + "identifiantes détectées par catégorie dans les requêtes parties vers l'outil (remplacées par des pseudonymes "
                + "sauf mention contraire). Le journal ne conserve jamais les données elles-mêmes.", small));
        PdfPTable table = new PdfPTable(new float[] {12, 14, 18, 12, 8, 9, 14, 6, 16});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        for (String h : new String[] {"Outil", "Fournisseur, modèle", "Finalité", "Hébergement", "HDS", "Niveau", "Requêtes par cas d'usage",
                "Refusées", "Données identifiantes (par catégorie)"}) {
            PdfPCell c = new PdfPCell(new Phrase(h, header));
            c.setBackgroundColor(new Color(0x1a, 0x2b, 0x4c));
            c.setPadding(4);
            table.addCell(c);
        }
        for (TransparencyReport.ToolLine line : report.tools()) {
            add(table, line.upstream(), cell);
            add(table, join(line.provider(), line.modelVersion()), cell);
            add(table, line.purpose(), cell);
            add(table, line.hosting(), cell);
            add(table, line.hdsStatus(), cell);
            add(table, line.level(), cell);
            add(table, counts(line.requests()), cell);
            add(table, Long.toString(line.refused()), cell);
            add(table, counts(line.categories()) + (line.pseudonymized() ? "" : " (non pseudonymisées : outil interne)"), cell);
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static void add(PdfPTable table, String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text == null || text.isBlank() ? "—" : text, font));
        c.setPadding(4);
        table.addCell(c);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + ", " + b;
    }

    static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "aucune" : counts.entrySet().stream().map(e -> e.getKey() + " : " + e.getValue()).collect(Collectors.joining(", "));
    }
}
