package fr.avec.server.workbench;

/** One version of a use-case template: the structured prompt that turns a transcript into a note. */
public record NoteTemplate(long id, String code, int version, String title, String prompt, boolean active) {
}
