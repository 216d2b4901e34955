package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory of one conversation with a model: which real value became which replacement, the per-patient
 * date offset, and the counters of placeholders. The same real value always gets the same replacement.
 * Thread-safe; serialized with {@link #toBytes()} so that a {@link Vault} can keep it encrypted.
 */
public final class Conversation {

    /** One real value and its replacement. {@code toString} omits both: they are patient data. */
    public record Mapping(Label label, String original, String replacement) {
        @Override
        public String toString() {
            return "Mapping[" + label + "]";
        }
    }

    private static final int FORMAT = 1;
    private static final int MIN_OFFSET_DAYS = 400;
    private static final int MAX_OFFSET_DAYS = 1500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int dateOffsetDays;
    private final long seed;
    private final List<Mapping> mappings = new ArrayList<>();
    private final Map<String, String> forward = new HashMap<>();
    private final Map<String, Mapping> reverse = new HashMap<>();
    /** Other spellings of replacements (dates written another way) that map back to a real value. */
    private final List<Mapping> aliases = new ArrayList<>();
    private final EnumMap<Label, Integer> counters = new EnumMap<>(Label.class);

    private Conversation(int dateOffsetDays, long seed) {
        this.dateOffsetDays = dateOffsetDays;
        this.seed = seed;
    }

    /** A new conversation with a random date offset of 400 to 1,500 days, forwards or backwards. */
    public static Conversation create() {
        int magnitude = MIN_OFFSET_DAYS + RANDOM.nextInt(MAX_OFFSET_DAYS - MIN_OFFSET_DAYS + 1);
        return new Conversation(RANDOM.nextBoolean() ? magnitude : -magnitude, RANDOM.nextLong());
    }

    /** A conversation with a chosen offset and seed: reproducible surrogates for tests and evaluations. */
    public static Conversation of(int dateOffsetDays, long seed) {
        return new Conversation(dateOffsetDays, seed);
    }

    /** The number of days every date of this patient is moved by when surrogates are used. */
    public int dateOffsetDays() {
        return dateOffsetDays;
    }

    long seed() {
        return seed;
    }

    /** A copy of every mapping recorded so far, in order. */
    public synchronized List<Mapping> mappings() {
        return List.copyOf(mappings);
    }

    synchronized List<Mapping> aliases() {
        return List.copyOf(aliases);
    }

    synchronized Optional<String> replacement(Label label, String normalizedOriginal) {
        return Optional.ofNullable(forward.get(label.name() + '\u0000' + normalizedOriginal));
    }

    synchronized boolean replacementTaken(String replacement) {
        return reverse.containsKey(FoldedText.fold(replacement));
    }

    synchronized int nextNumber(Label label) {
        return counters.merge(label, 1, Integer::sum);
    }

    synchronized void record(Label label, String normalizedOriginal, String original, String replacement) {
        String key = label.name() + '\u0000' + normalizedOriginal;
        if (forward.putIfAbsent(key, replacement) == null) {
            Mapping m = new Mapping(label, original, replacement);
            mappings.add(m);
            reverse.putIfAbsent(FoldedText.fold(replacement), m);
        }
    }

    synchronized void alias(Label label, String original, String replacementSpelling) {
        if (!reverse.containsKey(FoldedText.fold(replacementSpelling))) {
            aliases.add(new Mapping(label, original, replacementSpelling));
        }
    }

    /** Serializes the conversation (mappings, offset, counters); encrypt it before storing it anywhere. */
    public synchronized byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + mappings.size() * 48);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT);
            out.writeInt(dateOffsetDays);
            out.writeLong(seed);
            out.writeInt(counters.size());
            for (Map.Entry<Label, Integer> e : counters.entrySet()) {
                out.writeUTF(e.getKey().name());
                out.writeInt(e.getValue());
            }
            out.writeInt(forward.size());
            for (Map.Entry<String, String> e : forward.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            writeMappings(out, mappings);
            writeMappings(out, aliases);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new ProtectionException("cannot serialize the conversation", e);
        }
    }

    /** Reads a conversation written by {@link #toBytes()}. */
    public static Conversation fromBytes(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int format = in.readInt();
            if (format != FORMAT) {
                throw new ProtectionException("unknown conversation format " + format);
            }
            Conversation c = new Conversation(in.readInt(), in.readLong());
            int counters = in.readInt();
            for (int i = 0; i < counters; i++) {
                c.counters.put(Label.valueOf(in.readUTF()), in.readInt());
            }
            int forward = in.readInt();
            for (int i = 0; i < forward; i++) {
                c.forward.put(readString(in), readString(in));
            }
            for (Mapping m : readMappings(in)) {
                c.mappings.add(m);
                c.reverse.putIfAbsent(FoldedText.fold(m.replacement()), m);
            }
            c.aliases.addAll(readMappings(in));
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw new ProtectionException("cannot read the conversation", e);
        }
    }

    private static void writeMappings(DataOutputStream out, List<Mapping> list) throws IOException {
        out.writeInt(list.size());
        for (Mapping m : list) {
            out.writeUTF(m.label().name());
            writeString(out, m.original());
            writeString(out, m.replacement());
        }
    }

    private static List<Mapping> readMappings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("corrupt mapping count");
        }
        List<Mapping> list = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            list.add(new Mapping(Label.valueOf(in.readUTF()), readString(in), readString(in)));
        }
        return list;
    }

    // writeUTF is limited to 64 KB; a mapping value can be longer (an address block), so lengths are ints.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64 * 1024 * 1024) {
            throw new IOException("corrupt string length");
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("truncated conversation");
        }
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Conversation[" + mappings.size() + " mappings]";
    }
}
