package fr.avec.server.communicate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The usage charter, versioned: the referent publishes a new version (preamble, catalogue of approved uses,
 * prohibited uses, in French and English); each person acknowledges the current version, and a new version
 * must be acknowledged again. Versions are never changed in place.
 */
@Component
public class Charter {

    /** A use-case code as the workbench names it: lower-case letters, digits, '-' and '_'. */
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final int MAX_LABEL = 1000;
    static final int MAX_PREAMBLE = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** An approved use: the use case's code and what it covers. */
    public record ApprovedUse(String code, String labelFr, String labelEn) {

        /** The label in the page's language (French unless English). */
        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelFr;
        }
    }

    /** A prohibited use. */
    public record Prohibition(String labelFr, String labelEn) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelFr;
        }
    }

    /** One published version of the charter. */
    public record Version(int number, String preambleFr, String preambleEn, List<ApprovedUse> uses, List<Prohibition> prohibitions,
                          String changeNote, Instant publishedAt, String publishedBy) {

        public String preamble(Locale locale) {
            return "en".equals(locale.getLanguage()) ? preambleEn : preambleFr;
        }

        /**
         * The preamble as the page shows it: paragraphs, and runs of lines starting with « - » as lists (the referent
         * writes plain text, so that the charter reads the same in the form and on the page).
         */
        public List<Block> preambleBlocks(Locale locale) {
            List<Block> blocks = new ArrayList<>();
            List<String> items = new ArrayList<>();
            for (String line : preamble(locale).split("\\R")) {
                String text = line.strip();
                if (text.startsWith("- ")) {
                    items.add(text.substring(2).strip());
                    continue;
                }
                if (!items.isEmpty()) {
                    blocks.add(new Block(null, List.copyOf(items)));
                    items.clear();
                }
                if (!text.isEmpty()) {
                    blocks.add(new Block(text, List.of()));
                }
            }
            if (!items.isEmpty()) {
                blocks.add(new Block(null, List.copyOf(items)));
            }
            return blocks;
        }

        /** Whether {@code useCase} is in this version's catalogue. */
        public boolean approves(String useCase) {
            return uses.stream().anyMatch(u -> u.code().equals(useCase));
        }

        /** The catalogue as the edit form writes it: {@code code | français | English}, one use per line. */
        public String usesAsLines() {
            return String.join("\n", uses.stream().map(u -> u.code() + " | " + u.labelFr() + " | " + u.labelEn()).toList());
        }

        /** The prohibited uses as the edit form writes them: {@code français | English}, one per line. */
        public String prohibitionsAsLines() {
            return String.join("\n", prohibitions.stream().map(p -> p.labelFr() + " | " + p.labelEn()).toList());
        }
    }

    /** A paragraph of the preamble, or (when {@code paragraph} is null) a list of items. */
    public record Block(String paragraph, List<String> items) {
    }

    /** Who acknowledged a version, and when. */
    public record Acknowledgement(String user, int version, Instant at) {
    }

    /**
     * A new version the referent's form does not allow, with the message key (communicate bundle) and the
     * line of the list it is about (0 when it is about the whole form).
     */
    public static final class EditRefused extends IllegalArgumentException {
        private final String messageKey;
        private final int line;

        EditRefused(String messageKey, int line) {
            super(messageKey + (line > 0 ? " at line " + line : ""));
            this.messageKey = messageKey;
            this.line = line;
        }

        public String messageKey() {
            return messageKey;
        }

        public int line() {
            return line;
        }
    }

    public Charter(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    /** The version in force (the latest published); a migration publishes version 1. */
    public Version current() {
        int number = jdbc.sql("SELECT MAX(version) FROM charter_version").query(Integer.class).single();
        return version(number).orElseThrow();
    }

    public Optional<Version> version(int number) {
        record Head(String fr, String en, String note, OffsetDateTime at, String by) {
        }
        Optional<Head> head = jdbc.sql("SELECT preamble_fr, preamble_en, change_note, published_at, published_by FROM charter_version WHERE version = ?")
                .param(number)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
                .optional();
        return head.map(h -> new Version(number, h.fr(), h.en(),
                jdbc.sql("SELECT code, label_fr, label_en FROM charter_use WHERE version = ? ORDER BY position").param(number)
                        .query((rs, n) -> new ApprovedUse(rs.getString(1), rs.getString(2), rs.getString(3))).list(),
                jdbc.sql("SELECT label_fr, label_en FROM charter_prohibition WHERE version = ? ORDER BY position").param(number)
                        .query((rs, n) -> new Prohibition(rs.getString(1), rs.getString(2))).list(),
                h.note(), h.at().toInstant(), h.by()));
    }

    /** Every version, newest first (number, note, date, author; lists not loaded). */
    public List<Version> history() {
        return jdbc.sql("SELECT version, change_note, published_at, published_by FROM charter_version ORDER BY version DESC")
                .query((rs, n) -> new Version(rs.getInt(1), null, null, List.of(), List.of(), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }

    /**
     * Publishes the next version from the referent's form.
     *
     * @param uses         one approved use per line: {@code code | français | English}
     * @param prohibitions one prohibited use per line: {@code français | English}
     * @throws EditRefused when a field is missing or a line is malformed; nothing is stored then
     */
    public Version publish(String editor, String preambleFr, String preambleEn, String uses, String prohibitions, String changeNote) {
        String fr = required(preambleFr, MAX_PREAMBLE, "charter.edit.error.preamble");
        String en = required(preambleEn, MAX_PREAMBLE, "charter.edit.error.preamble");
        String note = required(changeNote, MAX_LABEL, "charter.edit.error.note");
        List<ApprovedUse> catalogue = parseUses(uses);
        List<Prohibition> prohibited = parseProhibitions(prohibitions);
        Integer published = transactions.execute(status -> {
            int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM charter_version").query(Integer.class).single();
            jdbc.sql("INSERT INTO charter_version (version, preamble_fr, preamble_en, change_note, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(next, fr, en, note, OffsetDateTime.now(clock), editor).update();
            for (int i = 0; i < catalogue.size(); i++) {
                ApprovedUse use = catalogue.get(i);
                jdbc.sql("INSERT INTO charter_use (version, position, code, label_fr, label_en) VALUES (?, ?, ?, ?, ?)")
                        .params(next, i + 1, use.code(), use.labelFr(), use.labelEn()).update();
            }
            for (int i = 0; i < prohibited.size(); i++) {
                jdbc.sql("INSERT INTO charter_prohibition (version, position, label_fr, label_en) VALUES (?, ?, ?, ?)")
                        .params(next, i + 1, prohibited.get(i).labelFr(), prohibited.get(i).labelEn()).update();
            }
            return next;
        });
        return version(published).orElseThrow();
    }

    /**
     * Records that {@code user} acknowledges version {@code number}, which must be the current one (a person who
     * read an older page while a new version was published must read the new one).
     *
     * @return false when {@code number} is not the current version (nothing recorded)
     */
    public boolean acknowledge(String user, int number) {
        Boolean done = transactions.execute(status -> {
            if (current().number() != number) {
                return false;
            }
            if (acknowledgedAt(user, number).isEmpty()) {
                jdbc.sql("INSERT INTO charter_acknowledgement (user_name, version, acknowledged_at) VALUES (?, ?, ?)")
                        .params(user, number, OffsetDateTime.now(clock)).update();
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** When {@code user} acknowledged version {@code number}, if ever. */
    public Optional<Instant> acknowledgedAt(String user, int number) {
        return jdbc.sql("SELECT acknowledged_at FROM charter_acknowledgement WHERE user_name = ? AND version = ?").params(user, number)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /** Everyone who acknowledged version {@code number}, earliest first (for the referent). */
    public List<Acknowledgement> acknowledgements(int number) {
        return jdbc.sql("SELECT user_name, version, acknowledged_at FROM charter_acknowledgement WHERE version = ? ORDER BY acknowledged_at, user_name")
                .param(number)
                .query((rs, n) -> new Acknowledgement(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    static List<ApprovedUse> parseUses(String lines) {
        List<ApprovedUse> uses = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int number = 0;
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != 3) {
                throw new EditRefused("charter.edit.error.useLine", number);
            }
            String code = parts[0].strip();
            if (!CODE.matcher(code).matches()) {
                throw new EditRefused("charter.edit.error.useCode", number);
            }
            if (!codes.add(code)) {
                throw new EditRefused("charter.edit.error.useTwice", number);
            }
            uses.add(new ApprovedUse(code, label(parts[1], number), label(parts[2], number)));
        }
        return uses;
    }

    static List<Prohibition> parseProhibitions(String lines) {
        List<Prohibition> prohibitions = new ArrayList<>();
        int number = 0;
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != 2) {
                throw new EditRefused("charter.edit.error.prohibitionLine", number);
            }
            prohibitions.add(new Prohibition(label(parts[0], number), label(parts[1], number)));
        }
        if (prohibitions.isEmpty()) {
            // A charter that forbids nothing is not a charter: the guide's prohibitions must stay listed.
            throw new EditRefused("charter.edit.error.noProhibition", 0);
        }
        return prohibitions;
    }

    private static String label(String text, int line) {
        String label = text.strip();
        if (label.isEmpty() || label.length() > MAX_LABEL) {
            throw new EditRefused("charter.edit.error.label", line);
        }
        return label;
    }

    private static String required(String text, int max, String key) {
        if (text == null || text.isBlank() || text.strip().length() > max) {
            throw new EditRefused(key, 0);
        }
        return text.strip().replace("\r\n", "\n");
    }
}
