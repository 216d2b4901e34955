package fr.avec.protect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spans proposed by the recognizers; overlaps are resolved by priority then length, so that an e-mail
 * that contains a name stays one e-mail and a hospital named after a person stays a hospital.
 */
final class Candidates {

    private int size;
    private int[] start = new int[32];
    private int[] end = new int[32];
    private int[] priority = new int[32];
    private Label[] label = new Label[32];

    void add(Label l, int s, int e, int p) {
        if (e <= s) {
            return;
        }
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            priority = Arrays.copyOf(priority, cap);
            label = Arrays.copyOf(label, cap);
        }
        start[size] = s;
        end[size] = e;
        priority[size] = p;
        label[size] = l;
        size++;
    }

    int size() {
        return size;
    }

    /** Whether some candidate already covers any part of the range. */
    boolean overlaps(int s, int e) {
        for (int i = 0; i < size; i++) {
            if (start[i] < e && s < end[i]) {
                return true;
            }
        }
        return false;
    }

    /** Whether a candidate of at least the given priority covers the range entirely or partly. */
    boolean covered(int s, int e, int minPriority) {
        for (int i = 0; i < size; i++) {
            if (priority[i] >= minPriority && start[i] < e && s < end[i]) {
                return true;
            }
        }
        return false;
    }

    /** The non-overlapping entities, in text order. */
    List<Entity> resolve(String text) {
        // Priority first, then the longer span, then insertion order: packed into one long for a primitive sort.
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            long inversePriority = 255 - Math.max(0, Math.min(255, priority[i]));
            long inverseLength = (1 << 24) - 1 - Math.min((1 << 24) - 1, end[i] - start[i]);
            order[i] = inversePriority << 55 | inverseLength << 31 | i;
        }
        Arrays.sort(order);
        java.util.BitSet occupied = new java.util.BitSet(text.length());
        boolean[] taken = new boolean[size];
        int accepted = 0;
        for (long packed : order) {
            int idx = (int) (packed & 0x7FFFFFFFL);
            int s = start[idx];
            int e = end[idx];
            int next = occupied.nextSetBit(s);
            if (next >= 0 && next < e) {
                continue;
            }
            occupied.set(s, e);
            taken[idx] = true;
            accepted++;
        }
        List<Entity> entities = new ArrayList<>(accepted);
        for (int i = 0; i < size; i++) {
            if (taken[i]) {
                entities.add(new Entity(label[i], start[i], end[i], text.substring(start[i], end[i])));
            }
        }
        entities.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return entities;
    }
}
