package fr.avec.server.security;

import java.util.Locale;

/** What a user is to Avec (CONTRACTS.md); decides the endpoints the user may call. */
public enum Role {
    CLINICIAN, REFERENT, DPO, ADMIN,
    /** An integration such as a scribe tool or a script, not a person. */
    SERVICE;

    /** Parses the lower-case name used on the command line and in the database. */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (expected clinician, referent, dpo, admin or service)");
    }

    /** The lower-case name of CONTRACTS.md. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority. */
    public String authority() {
        return "ROLE_" + name();
    }
}
