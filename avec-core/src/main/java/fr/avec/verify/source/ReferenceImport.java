package fr.avec.verify.source;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads a reference file of any supported format, recognised by its content (a file name can lie): PDF,
 * PubMed XML, MEDLINE text, RIS or BibTeX. CSL-JSON needs a JSON reader and is handled by the server.
 */
public final class ReferenceImport {

    /** Largest file accepted: a PubMed export of 10,000 records is about 60 MB; a synthesis needs far fewer. */
    public static final int MAX_BYTES = 30 * 1024 * 1024;

    private ReferenceImport() {
    }

    /** The format of a file, or null when it is none of those read here. */
    public static ReferenceFormat detect(byte[] bytes) {
        if (PdfArticle.looksLike(bytes)) {
            return ReferenceFormat.PDF;
        }
        String head = decode(bytes, Math.min(bytes.length, 4096)).stripLeading().replace("\uFEFF", "");
        if (head.startsWith("<")) {
            return head.contains("PubmedArticle") || head.contains("MedlineCitation") ? ReferenceFormat.MEDLINE_XML : null;
        }
        if (head.startsWith("[") || head.startsWith("{")) {
            return ReferenceFormat.CSL_JSON;
        }
        if (MedlineText.looksLike(head)) {
            return ReferenceFormat.MEDLINE_TEXT;
        }
        if (Ris.looksLike(head)) {
            return ReferenceFormat.RIS;
        }
        if (head.contains("@") && head.toLowerCase(Locale.ROOT).matches("(?s).*@\\s*(article|book|inproceedings|misc|online|report|incollection|phdthesis|techreport|string|comment|preamble|inbook|unpublished)\\s*[{(].*")) {
            return ReferenceFormat.BIBTEX;
        }
        return null;
    }

    /** The references of a file (not CSL-JSON, which the caller reads); never a partial list. */
    public static List<Reference> read(byte[] bytes) throws UnreadableReferences {
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableReferences("file too large (more than " + MAX_BYTES / (1024 * 1024) + " MB)");
        }
        ReferenceFormat format = detect(bytes);
        if (format == null) {
            throw new UnreadableReferences("unrecognised format: expected PubMed XML or text, RIS, BibTeX, CSL-JSON or PDF");
        }
        return switch (format) {
            case PDF -> List.of(PdfArticle.read(bytes));
            case MEDLINE_XML -> MedlineXml.read(new ByteArrayInputStream(bytes));
            case MEDLINE_TEXT -> MedlineText.read(decode(bytes, bytes.length));
            case RIS -> Ris.read(decode(bytes, bytes.length));
            case BIBTEX -> Bibtex.read(decode(bytes, bytes.length));
            default -> throw new UnreadableReferences("CSL-JSON is read by the server");
        };
    }

    /** Strict UTF-8, else Windows-1252 (older reference managers still write it). */
    static String decode(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            if (length < bytes.length) {
                // The cut may fall inside a character; the head is only sniffed.
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            return new String(bytes, 0, length, java.nio.charset.Charset.forName("windows-1252"));
        }
    }
}
