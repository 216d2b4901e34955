/**
 * Bibliographic references imported for a literature synthesis: readers for the export formats of PubMed
 * (MEDLINE XML and MEDLINE text), reference managers (RIS, BibTeX) and PDF articles, deduplication, and the
 * Vancouver style. They live under {@code verify} because a reference's text is the source a synthesis is
 * verified against. Every reader takes untrusted input: no external entity, no DTD, bounded sizes, and a
 * clear {@link fr.avec.verify.source.UnreadableReferences} error instead of half a result.
 */
package fr.avec.verify.source;
