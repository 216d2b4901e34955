package fr.avec.protect;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Which operator applies to each label; immutable. */
public record Policy(Map<Label, Operator> operators) {

    public Policy {
        EnumMap<Label, Operator> copy = new EnumMap<>(Label.class);
        copy.putAll(operators);
        for (Label label : Label.values()) {
            if (!copy.containsKey(label)) {
                throw new IllegalArgumentException("no operator for " + label);
            }
        }
        operators = java.util.Collections.unmodifiableMap(copy);
    }

    /** The same operator for every label. */
    public static Policy of(Operator operator) {
        EnumMap<Label, Operator> map = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            map.put(label, operator);
        }
        return new Policy(map);
    }

    /** Numbered placeholders everywhere: the safest default, reversible through the conversation. */
    public static Policy placeholders() {
        return of(Operator.PLACEHOLDER);
    }

    /** Realistic surrogates everywhere: the model reads a natural text. */
    public static Policy surrogates() {
        return of(Operator.SURROGATE);
    }

    /** This policy with another operator for one label. */
    public Policy with(Label label, Operator operator) {
        EnumMap<Label, Operator> map = new EnumMap<>(operators);
        map.put(label, operator);
        return new Policy(map);
    }

    /** The operator for a label. */
    public Operator operator(Label label) {
        return operators.get(label);
    }

    /**
     * Parses {@code placeholder}, {@code surrogate}, {@code mask}, {@code remove}, optionally followed by
     * per-label overrides: {@code surrogate,DATE=placeholder,TEL=mask}.
     */
    public static Policy parse(String spec) {
        String[] parts = spec.trim().split("\\s*,\\s*");
        Policy policy = null;
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                if (policy != null) {
                    throw new IllegalArgumentException("only the first element of a policy can be a bare operator: " + part);
                }
                policy = of(operator(part));
            } else {
                if (policy == null) {
                    policy = placeholders();
                }
                String label = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
                try {
                    policy = policy.with(Label.valueOf(label), operator(part.substring(eq + 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown label in policy: " + label);
                }
            }
        }
        return policy == null ? placeholders() : policy;
    }

    private static Operator operator(String name) {
        try {
            return Operator.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown operator '" + name.trim() + "' (placeholder, surrogate, mask, remove)");
        }
    }
}
