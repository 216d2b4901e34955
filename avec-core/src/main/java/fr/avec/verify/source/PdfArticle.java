package fr.avec.verify.source;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF article read with Apache PDFBox: its whole text becomes the source, its title comes from the PDF's
 * metadata or else the first substantial line, and a DOI printed on the first pages is kept. Encrypted
 * files and files past {@value #MAX_PAGES} pages are refused rather than half read.
 */
public final class PdfArticle {

    static final int MAX_PAGES = 200;
    private static final Pattern DOI = Pattern.compile("(?i)\\b(10\\.\\d{4,9}/[^\\s\"<>]+)");
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");

    private PdfArticle() {
    }

    /** Whether bytes are a PDF (« %PDF- » header). */
    public static boolean looksLike(byte[] bytes) {
        return bytes.length > 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-';
    }

    /** The article as one reference. */
    public static Reference read(byte[] bytes) throws UnreadableReferences {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw new UnreadableReferences("the PDF is encrypted: export it without protection");
            }
            if (document.getNumberOfPages() > MAX_PAGES) {
                throw new UnreadableReferences("the PDF has more than " + MAX_PAGES + " pages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document).replace("\r", "");
            if (text.isBlank()) {
                throw new UnreadableReferences("the PDF has no text layer (a scan): no source text can be extracted");
            }
            PDDocumentInformation info = document.getDocumentInformation();
            String title = info == null || info.getTitle() == null ? "" : info.getTitle().strip();
            if (title.isEmpty()) {
                title = text.lines().map(String::strip).filter(l -> l.length() > 20).findFirst().orElse("");
            }
            String author = info == null || info.getAuthor() == null ? "" : info.getAuthor().strip();
            List<String> authors = author.isEmpty() ? List.of()
                    : java.util.Arrays.stream(author.split("\\s*(;|,| and | et )\\s*")).map(AuthorNames::parse).toList();
            String head = text.substring(0, Math.min(text.length(), 6000));
            Matcher doi = DOI.matcher(head);
            Matcher year = YEAR.matcher(head);
            return new Reference(title, authors, "", year.find() ? year.group(1) : "", "", "", "",
                    doi.find() ? doi.group(1) : "", "", text, ReferenceFormat.PDF);
        } catch (IOException e) {
            throw new UnreadableReferences("the PDF cannot be read: " + e.getMessage(), e);
        }
    }
}
