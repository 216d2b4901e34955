/**
 * Verification of a literature synthesis against the references it cites, each claim against its own cited
 * text: citations that match no reference, numbers the cited text does not contain, and sentences whose words
 * the cited text does not support (see {@link fr.avec.verify.citation.ClaimSupport} for the measure).
 */
package fr.avec.verify.citation;
