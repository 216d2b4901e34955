/**
 * The literature synthesis use case: references imported and deduplicated, a question with its PICO fields,
 * a draft through the gateway that cites every claim as [n], verification of each citation against the text it
 * cites, « source consulted » ticks, validation and exports (PDF, Markdown) with the Vancouver bibliography and
 * the AI mention. {@link fr.avec.server.literature.FindingDecisions} is shared with patient education.
 */
package fr.avec.server.literature;
