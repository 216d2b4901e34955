package fr.avec.verify.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a PubMed XML export ({@code PubmedArticleSet} of {@code PubmedArticle}) with the JDK's StAX pull
 * parser, in one pass and without building a tree: DTD and external entities are switched off (the export
 * declares the NLM DTD; resolving it would fetch from the network and opens the door to XXE).
 */
public final class MedlineXml {

    /** Factory settings are the security boundary; a factory is thread-safe once configured. */
    private static final XMLInputFactory FACTORY = factory();
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private MedlineXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The references of the export, in file order. */
    public static List<Reference> read(InputStream in) throws UnreadableReferences {
        List<Reference> out = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            boolean sawRoot = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (name.equals("PubmedArticleSet") || name.equals("PubmedArticle") || name.equals("MedlineCitationSet")) {
                    sawRoot = true;
                }
                // A PubmedArticle is read to its end, so a MedlineCitation seen here is one of the older MedlineCitationSet.
                if (name.equals("PubmedArticle") || name.equals("MedlineCitation")) {
                    sawRoot = true;
                    out.add(article(xml));
                }
            }
            if (!sawRoot) {
                throw new UnreadableReferences("not a PubMed XML export (no PubmedArticleSet)");
            }
            return out;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new UnreadableReferences("malformed PubMed XML" + (line > 0 ? " at line " + line : ""), e);
        } catch (RuntimeException parserFailure) {
            // The JDK's parser can fail outside its checked exception on some malformed DTDs (found by fuzzing:
            // a MissingResourceException for a control character inside the DOCTYPE).
            throw new UnreadableReferences("malformed PubMed XML", parserFailure);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // Nothing was held open beyond the caller's stream.
                }
            }
        }
    }

    /** Reads from the current start element to its end: one citation. */
    private static Reference article(XMLStreamReader xml) throws XMLStreamException {
        String end = xml.getLocalName();
        String pmid = "";
        String title = "";
        String journalAbbreviation = "";
        String journalTitle = "";
        String year = "";
        String medlineDate = "";
        String volume = "";
        String issue = "";
        String pages = "";
        String doi = "";
        List<String> authors = new ArrayList<>();
        StringBuilder abstractText = new StringBuilder();
        String last = "";
        String initials = "";
        String fore = "";
        String collective = "";
        boolean inPubDate = false;
        boolean inAuthor = false;
        boolean inReferenceList = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals(end)) {
                    break;
                }
                switch (name) {
                    case "PubDate" -> inPubDate = false;
                    case "ReferenceList" -> inReferenceList = false;
                    case "Author" -> {
                        inAuthor = false;
                        String a = !collective.isEmpty() ? collective
                                : AuthorNames.vancouver(last, initials.isEmpty() ? fore : initials);
                        if (!a.isBlank()) {
                            authors.add(a);
                        }
                    }
                    default -> {
                    }
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT || inReferenceList && !xml.getLocalName().equals("ReferenceList")) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "ReferenceList" -> inReferenceList = true;
                case "PMID" -> {
                    String v = text(xml);
                    if (pmid.isEmpty()) {
                        pmid = v;
                    }
                }
                case "ArticleTitle" -> title = text(xml);
                case "ISOAbbreviation" -> journalAbbreviation = text(xml);
                case "Title" -> journalTitle = text(xml);
                case "MedlineTA" -> {
                    String v = text(xml);
                    if (journalAbbreviation.isEmpty()) {
                        journalAbbreviation = v;
                    }
                }
                case "Volume" -> volume = text(xml);
                case "Issue" -> issue = text(xml);
                case "PubDate" -> inPubDate = true;
                case "Year" -> {
                    String v = text(xml);
                    if (inPubDate) {
                        year = v;
                    }
                }
                case "MedlineDate" -> medlineDate = text(xml);
                case "MedlinePgn" -> pages = text(xml);
                case "ELocationID" -> {
                    boolean isDoi = "doi".equals(xml.getAttributeValue(null, "EIdType"));
                    String v = text(xml);
                    if (isDoi && doi.isEmpty()) {
                        doi = v;
                    }
                }
                case "ArticleId" -> {
                    boolean isDoi = "doi".equals(xml.getAttributeValue(null, "IdType"));
                    String v = text(xml);
                    if (isDoi && doi.isEmpty()) {
                        doi = v;
                    }
                }
                case "Author" -> {
                    inAuthor = true;
                    last = "";
                    initials = "";
                    fore = "";
                    collective = "";
                }
                case "LastName" -> last = inAuthor ? text(xml) : last;
                case "Initials" -> initials = inAuthor ? text(xml) : initials;
                case "ForeName" -> fore = inAuthor ? text(xml) : fore;
                case "CollectiveName" -> collective = inAuthor ? text(xml) : collective;
                case "AbstractText" -> {
                    String label = xml.getAttributeValue(null, "Label");
                    String v = text(xml);
                    if (!abstractText.isEmpty()) {
                        abstractText.append('\n');
                    }
                    if (label != null && !label.isBlank()) {
                        abstractText.append(label.strip()).append(": ");
                    }
                    abstractText.append(v);
                }
                default -> {
                }
            }
        }
        if (year.isEmpty() && medlineDate.length() >= 4) {
            year = medlineDate.substring(0, 4);
        }
        return new Reference(title.replaceAll("[.]$", ""), authors, journalAbbreviation.isEmpty() ? journalTitle : journalAbbreviation,
                year, volume, issue, pages, doi, pmid, abstractText.toString(), ReferenceFormat.MEDLINE_XML);
    }

    /** The text of the current element, inline markup (« <i> », « <sup> ») flattened. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> out.append(xml.getText());
                default -> {
                }
            }
        }
        return SPACES.matcher(out).replaceAll(" ").strip();
    }
}
