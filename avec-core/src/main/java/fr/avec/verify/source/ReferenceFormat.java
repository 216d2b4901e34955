package fr.avec.verify.source;

/** The export formats a reference can be read from. */
public enum ReferenceFormat {
    /** PubMed « XML » export (PubmedArticleSet, NLM DTD). */
    MEDLINE_XML,
    /** PubMed « PubMed format » / MEDLINE text export (tagged lines, PMID- first). */
    MEDLINE_TEXT,
    /** Research Information Systems tagged format (Zotero, EndNote, Mendeley...). */
    RIS,
    /** BibTeX entries. */
    BIBTEX,
    /** CSL-JSON (read by the server, which has a JSON library). */
    CSL_JSON,
    /** A PDF article: its text extracted. */
    PDF,
    /** Typed in by hand. */
    MANUAL
}
