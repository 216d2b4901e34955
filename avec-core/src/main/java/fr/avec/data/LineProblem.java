package fr.avec.data;

/** A line of a reference file that was skipped, with the reason; the load goes on without it. */
public record LineProblem(String file, int lineNumber, String reason) {

    @Override
    public String toString() {
        return file + ":" + lineNumber + ": " + reason;
    }
}
