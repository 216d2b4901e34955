package fr.avec.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import morfologik.fsa.FSA;

/**
 * The word forms of ordinary French and English (LanguageTool's part-of-speech dictionaries, on the class path
 * as {@code org.languagetool:french-pos-dict} and {@code english-pos-dict}), folded like {@link FoldedText}
 * so that « diabete » written without its accent is still a word. Kept as an open-addressing table of 64-bit
 * hashes (about 12 bytes per form, one or two probes per lookup, so one cache miss rather than the twenty of a
 * binary search), safe to share between threads.
 */
public final class WordForms {

    private static final String FRENCH = "/org/languagetool/resource/fr/french.dict";
    private static final String ENGLISH = "/org/languagetool/resource/en/english.dict";

    private final long[] table;
    private final int mask;
    private final int size;

    private WordForms(long[] distinct) {
        int capacity = Integer.highestOneBit(Math.max(16, distinct.length * 3 / 2)) << 1;
        this.table = new long[capacity];
        this.mask = capacity - 1;
        this.size = distinct.length;
        for (long h : distinct) {
            long stored = h == 0 ? 1 : h; // 0 marks an empty slot
            int slot = (int) (mix(stored) & mask);
            while (table[slot] != 0 && table[slot] != stored) {
                slot = (slot + 1) & mask;
            }
            table[slot] = stored;
        }
    }

    private static long mix(long h) {
        return h ^ (h >>> 29) ^ (h >>> 43);
    }

    private static final class Holder {
        static final WordForms INSTANCE = load();
    }

    /** The French and English word forms, loaded once per process (about half a second). */
    public static WordForms shared() {
        return Holder.INSTANCE;
    }

    /** Whether a folded word (lower case, no accents) is an ordinary French or English word form. */
    public boolean contains(String folded) {
        long h = hash(folded);
        long stored = h == 0 ? 1 : h;
        int slot = (int) (mix(stored) & mask);
        while (true) {
            long v = table[slot];
            if (v == stored) {
                return true;
            }
            if (v == 0) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The number of distinct folded forms. */
    public int size() {
        return size;
    }

    private static WordForms load() {
        long[][] parts = {forms(FRENCH, (byte) '_'), forms(ENGLISH, (byte) '+')};
        long[] all = new long[parts[0].length + parts[1].length];
        System.arraycopy(parts[0], 0, all, 0, parts[0].length);
        System.arraycopy(parts[1], 0, all, parts[0].length, parts[1].length);
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return new WordForms(Arrays.copyOf(all, distinct));
    }

    /** The hashes of the surface forms of one dictionary: each FSA sequence is « form SEP stem-suffix SEP tag ». */
    private static long[] forms(String resource, byte separator) {
        URL url = WordForms.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("word forms " + resource + " missing from the class path");
        }
        FSA fsa;
        try (InputStream in = url.openStream()) {
            fsa = FSA.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] hashes = new long[1 << 20];
        int count = 0;
        long previous = 0;
        for (ByteBuffer sequence : fsa) {
            int end = sequence.position();
            int limit = sequence.limit();
            while (end < limit && sequence.get(end) != separator) {
                end++;
            }
            String form = new String(sequence.array(), sequence.position(), end - sequence.position(), StandardCharsets.UTF_8);
            long h = hash(FoldedText.fold(form));
            if (h == previous) {
                continue;
            }
            previous = h;
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            hashes[count++] = h;
        }
        return Arrays.copyOf(hashes, count);
    }

    /** A 64-bit FNV-1a hash of the characters. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
