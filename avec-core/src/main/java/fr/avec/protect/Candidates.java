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
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            if (priority[a] != priority[b]) {
                return Integer.compare(priority[b], priority[a]);
            }
            int la = end[a] - start[a];
            int lb = end[b] - start[b];
            if (la != lb) {
                return Integer.compare(lb, la);
            }
            return Integer.compare(start[a], start[b]);
        });
        boolean[] taken = new boolean[size];
        java.util.TreeMap<Integer, Integer> accepted = new java.util.TreeMap<>();
        for (int idx : order) {
            int s = start[idx];
            int e = end[idx];
            java.util.Map.Entry<Integer, Integer> before = accepted.floorEntry(e - 1);
            if (before != null && before.getValue() > s) {
                continue;
            }
            taken[idx] = true;
            accepted.put(s, e);
        }
        List<Entity> entities = new ArrayList<>(accepted.size());
        for (int i = 0; i < size; i++) {
            if (taken[i]) {
                entities.add(new Entity(label[i], start[i], end[i], text.substring(start[i], end[i])));
            }
        }
        entities.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return entities;
    }
}
