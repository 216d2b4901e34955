package fr.avec.server.education;

import fr.avec.verify.readability.Audience;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.web.util.HtmlUtils;

/**
 * A validated piece of patient material as a printable A4 leaflet (PDF) and as HTML: a title band, sections from the
 * « ## » headings, bullet lists, the checked illustrations with their captions, and at the foot the AI mention and
 * the validating professional. Easy-to-read (FALC) material is set in 16 pt sans-serif, left-aligned, with wide
 * line spacing (Inclusion Europe: at least 14 pt, clear font, no justified text); other audiences in 13 pt.
 */
public final class LeafletExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).withZone(MaterialReviews.LOCAL_ZONE);
    private static final Color BAND = new Color(0x1d, 0x4e, 0x89);
    private static final Color HEADING = new Color(0x0f, 0x3a, 0x6b);

    /** An image with its bytes, for printing. */
    public record Illustration(String caption, String contentType, byte[] content) {
    }

    /** A block of the text: a heading, a bullet or a paragraph. */
    record Block(Kind kind, String text) {
        enum Kind { HEADING, BULLET, PARAGRAPH }
    }

    private LeafletExport() {
    }

    static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        for (String raw : text.strip().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                out.add(new Block(Block.Kind.HEADING, line.replaceFirst("^#+\\s*", "")));
            } else if (line.startsWith("- ") || line.startsWith("• ") || line.startsWith("* ")) {
                out.add(new Block(Block.Kind.BULLET, line.substring(2).strip()));
            } else {
                out.add(new Block(Block.Kind.PARAGRAPH, line.replace("**", "")));
            }
        }
        return out;
    }

    private static float bodySize(Material m) {
        return m.audience() == Audience.FALC ? 16 : 13;
    }

    /** The leaflet as an A4 PDF. */
    public static byte[] pdf(Material m, List<Illustration> images) {
        requireValidated(m);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 40, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(m.topic());
        document.addCreator("Avec");
        document.open();
        float size = bodySize(m);
        Font titleFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, m.audience() == Audience.FALC ? 28 : 24, Color.WHITE);
        Font subtitleFont = FontFactory.getFont(FontFactory.HELVETICA, 12, Color.WHITE);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, size + 4, HEADING);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, size, Color.BLACK);
        Font caption = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, Math.max(11, size - 3), Color.DARK_GRAY);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 9.5f, Color.DARK_GRAY);

        PdfPTable band = new PdfPTable(1);
        band.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell();
        cell.setBackgroundColor(BAND);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(18);
        Paragraph title = new Paragraph(m.topic(), titleFont);
        cell.addElement(title);
        Paragraph subtitle = new Paragraph(kindLabel(m), subtitleFont);
        subtitle.setSpacingBefore(4);
        cell.addElement(subtitle);
        band.addCell(cell);
        band.setSpacingAfter(16);
        document.add(band);

        for (Block b : blocks(m.finalText())) {
            Paragraph p = switch (b.kind()) {
                case HEADING -> {
                    Paragraph h = new Paragraph(b.text(), heading);
                    h.setSpacingBefore(12);
                    h.setSpacingAfter(4);
                    yield h;
                }
                case BULLET -> {
                    Paragraph li = new Paragraph("•  " + b.text(), body);
                    li.setIndentationLeft(18);
                    li.setFirstLineIndent(-12);
                    yield li;
                }
                case PARAGRAPH -> new Paragraph(b.text(), body);
            };
            p.setLeading(size * 1.5f);
            p.setAlignment(Element.ALIGN_LEFT);
            p.setSpacingAfter(b.kind() == Block.Kind.HEADING ? 2 : 5);
            document.add(p);
        }

        if (!images.isEmpty()) {
            PdfPTable grid = new PdfPTable(images.size() == 1 ? 1 : 2);
            grid.setWidthPercentage(images.size() == 1 ? 60 : 100);
            grid.setSpacingBefore(14);
            for (Illustration i : images) {
                PdfPCell c = new PdfPCell();
                c.setBorder(Rectangle.NO_BORDER);
                c.setPadding(8);
                try {
                    Image image = Image.getInstance(i.content());
                    image.scaleToFit(220, 220);
                    image.setAlignment(Element.ALIGN_CENTER);
                    c.addElement(image);
                } catch (IOException | RuntimeException unreadable) {
                    // Checked at upload; an image the PDF library cannot place is left out rather than failing the leaflet.
                    continue;
                }
                Paragraph cap = new Paragraph(i.caption(), caption);
                cap.setAlignment(Element.ALIGN_CENTER);
                c.addElement(cap);
                grid.addCell(c);
            }
            grid.completeRow();
            document.add(grid);
        }

        Paragraph mention = new Paragraph(m.aiMention(), small);
        mention.setSpacingBefore(22);
        document.add(mention);
        document.add(new Paragraph(validation(m), small));
        document.close();
        return out.toByteArray();
    }

    /** The leaflet as one self-contained HTML page (styles inline, images as data URIs). */
    public static String html(Material m, List<Illustration> images) {
        requireValidated(m);
        int size = (int) bodySize(m) + 3;
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(m.audience() == Audience.OTHER_LANGUAGE ? "" : "fr").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(esc(m.topic())).append("</title>\n")
                .append("<style>body{font-family:Arial,Helvetica,sans-serif;font-size:").append(size).append("px;line-height:1.5;max-width:46rem;")
                .append("margin:0 auto;padding:1rem;color:#111}header{background:#1d4e89;color:#fff;padding:1.2rem 1.4rem;border-radius:6px}")
                .append("header h1{margin:0;font-size:1.8em}header p{margin:.3rem 0 0}h2{color:#0f3a6b;margin-top:1.4em}")
                .append("figure{margin:1rem 0;text-align:center}figure img{max-width:100%;height:auto;max-height:20rem}")
                .append("figcaption{font-style:italic;color:#444}footer{margin-top:2rem;font-size:.8em;color:#444;border-top:1px solid #ccc}")
                .append("@media print{header{-webkit-print-color-adjust:exact;print-color-adjust:exact}}</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(esc(m.topic())).append("</h1><p>").append(esc(kindLabel(m))).append("</p></header>\n<main>\n");
        boolean inList = false;
        for (Block b : blocks(m.finalText())) {
            if (b.kind() != Block.Kind.BULLET && inList) {
                out.append("</ul>\n");
                inList = false;
            }
            switch (b.kind()) {
                case HEADING -> out.append("<h2>").append(esc(b.text())).append("</h2>\n");
                case BULLET -> {
                    if (!inList) {
                        out.append("<ul>\n");
                        inList = true;
                    }
                    out.append("<li>").append(esc(b.text())).append("</li>\n");
                }
                case PARAGRAPH -> out.append("<p>").append(esc(b.text())).append("</p>\n");
            }
        }
        if (inList) {
            out.append("</ul>\n");
        }
        for (Illustration i : images) {
            out.append("<figure><img src=\"data:").append(i.contentType()).append(";base64,").append(Base64.getEncoder().encodeToString(i.content()))
                    .append("\" alt=\"").append(esc(i.caption())).append("\"><figcaption>").append(esc(i.caption())).append("</figcaption></figure>\n");
        }
        out.append("</main>\n<footer><p>").append(esc(m.aiMention())).append("</p><p>").append(esc(validation(m))).append("</p></footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String kindLabel(Material m) {
        String format = m.format() == Material.Format.PATHWAY ? "Fiche parcours de soins" : "Fiche d'information";
        return switch (m.audience()) {
            case FALC -> format + " — facile à lire et à comprendre";
            case CHILD -> format + " — pour les enfants";
            default -> format;
        };
    }

    private static String validation(Material m) {
        String who = m.validatorName() + (m.validatorTitle() == null || m.validatorTitle().isBlank() ? "" : ", " + m.validatorTitle());
        return "Document validé par " + who + " le " + DAY.format(m.validatedAt()) + (m.aiUsed() ? " — IA utilisée : oui" : " — IA utilisée : non");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }

    private static void requireValidated(Material m) {
        if (!m.validated()) {
            throw new IllegalStateException("only validated material is exported");
        }
    }
}
