package fr.avec.server.communicate.notice;

import fr.avec.communicate.PatientNotice;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.List;
import org.openpdf.text.ListItem;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The patient notice as PDF: an A4 leaflet, or an A3 waiting-room poster with large type readable from a
 * few metres (at least 20 pt body, 48 pt title). Standard fonts only, like the document export.
 */
public final class NoticePdf {

    private static final Color INK = new Color(0x1a, 0x2b, 0x4c);

    /** The two layouts. */
    public enum Layout { LEAFLET, POSTER }

    private NoticePdf() {
    }

    /** Renders {@code notice}; {@code footer} names the establishment and the date of the register it was made from. */
    public static byte[] render(PatientNotice.Notice notice, Layout layout, String footer) {
        boolean poster = layout == Layout.POSTER;
        Rectangle size = poster ? PageSize.A3 : PageSize.A4;
        float margin = poster ? 64 : 56;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(size, margin, margin, margin, margin);
        PdfWriter.getInstance(document, out);
        document.addTitle(notice.title());
        document.addCreator("Avec");
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, poster ? 48 : 20, INK);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, poster ? 30 : 14, INK);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, poster ? 22 : 11);
        Font small = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, poster ? 14 : 8, Color.DARK_GRAY);
        Paragraph head = new Paragraph(notice.title(), title);
        head.setAlignment(poster ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
        head.setSpacingAfter(poster ? 28 : 12);
        document.add(head);
        for (PatientNotice.Section section : notice.sections()) {
            Paragraph h = new Paragraph(section.heading(), heading);
            h.setSpacingBefore(poster ? 22 : 10);
            h.setSpacingAfter(poster ? 8 : 4);
            document.add(h);
            // The poster keeps what can be read while waiting: the first sentences of each part.
            java.util.List<String> paragraphs = poster && notice.version() != PatientNotice.Version.EASY_FR
                    ? section.paragraphs().stream().limit(1).toList() : section.paragraphs();
            for (String text : paragraphs) {
                Paragraph p = new Paragraph(text, body);
                p.setLeading(body.getSize() * 1.35f);
                p.setSpacingAfter(poster ? 6 : 3);
                document.add(p);
            }
            if (!section.bullets().isEmpty()) {
                List bullets = new List(List.UNORDERED, poster ? 24 : 12);
                bullets.setListSymbol(new Chunk("\u2022 ", body));
                for (String bullet : section.bullets()) {
                    bullets.add(new ListItem(bullet, body));
                }
                document.add(bullets);
            }
        }
        Paragraph foot = new Paragraph(footer, small);
        foot.setSpacingBefore(poster ? 30 : 16);
        document.add(foot);
        document.close();
        return out.toByteArray();
    }
}
