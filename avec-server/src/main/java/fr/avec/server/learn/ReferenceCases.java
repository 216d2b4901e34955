package fr.avec.server.learn;

import java.util.List;

/**
 * A source of bench cases other than an imported file, e.g. the documents Estimer marks as references
 * (validated notes with their transcripts). Each source is a bean; the bench lists them, and a run copies
 * the cases into a stored case set first so that its results stay tied to exactly what was run.
 */
public interface ReferenceCases {

    /** A stable identifier, stored as the case set's origin (e.g. {@code estimate-references}). */
    String id();

    /** A name shown on the bench page. */
    String name();

    /** The cases available now; may be empty. */
    List<BenchCase> cases();
}
