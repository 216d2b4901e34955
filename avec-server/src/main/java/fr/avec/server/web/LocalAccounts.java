package fr.avec.server.web;

import fr.avec.server.security.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local accounts of the web application: people who sign in with a name and a password (stored as an
 * Argon2id hash in {@code avec_user.password_hash}). Users without a password (services with API keys
 * only) cannot sign in. Single sign-on will add another way in, next to this one.
 */
@Component
public class LocalAccounts implements UserDetailsService {

    /** Shortest password accepted (ANSSI recommends at least 12 characters for a password alone). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    /** A person as the workbench knows them. */
    public record Account(String name, Role role, String fullName, String jobTitle) {

        /** How the person signs a document: the full name when known, else the user name. */
        public String signature() {
            return fullName == null || fullName.isBlank() ? name : fullName;
        }

        /** The AI referent and the administrator edit the use-case templates. */
        public boolean mayEditTemplates() {
            return role == Role.REFERENT || role == Role.ADMIN;
        }
    }

    public LocalAccounts(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    PasswordEncoder encoder() {
        return encoder;
    }

    /** Whether at least one person can sign in; when none can, the first-run setup link is offered. */
    public boolean anyoneCanSignIn() {
        return jdbc.sql("SELECT COUNT(*) FROM avec_user WHERE password_hash IS NOT NULL AND disabled_at IS NULL")
                .query(Long.class).single() > 0;
    }

    /**
     * Creates a person who signs in with a password, or sets the password, role and names of an existing
     * user (e.g. one created by {@code avec keys create}).
     *
     * @return true when the user was created, false when an existing one was updated
     */
    public boolean createOrUpdate(String name, String password, Role role, String fullName, String jobTitle) {
        if (name == null || name.isBlank() || name.strip().length() > 128 || !name.strip().matches("[\\p{L}\\p{N}._@-]+")) {
            throw new IllegalArgumentException("a user name of 1 to 128 letters, digits or . _ @ - is required");
        }
        if (role == Role.SERVICE) {
            throw new IllegalArgumentException("a service does not sign in: give it an API key with avec keys create");
        }
        checkPassword(password);
        String user = name.strip();
        String hash = encoder.encode(password);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Boolean created = transactions.execute(status -> {
            int updated = jdbc.sql("UPDATE avec_user SET password_hash = ?, role = ?, full_name = ?, job_title = ?, disabled_at = NULL WHERE name = ?")
                    .params(hash, role.id(), blankToNull(fullName), blankToNull(jobTitle), user).update();
            if (updated > 0) {
                return false;
            }
            jdbc.sql("INSERT INTO avec_user (name, role, created_at, password_hash, full_name, job_title) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(user, role.id(), now, hash, blankToNull(fullName), blankToNull(jobTitle)).update();
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    /** Refuses a password too short to stand alone. */
    public static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password of at least " + MIN_PASSWORD_LENGTH + " characters is required");
        }
    }

    /** The account of a user name, if it exists. */
    public Optional<Account> find(String name) {
        return jdbc.sql("SELECT name, role, full_name, job_title FROM avec_user WHERE name = ?").param(name)
                .query((rs, n) -> new Account(rs.getString(1), Role.parse(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .optional();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String name, String role, String hash, boolean disabled) {
        }
        Row row = jdbc.sql("SELECT name, role, password_hash, disabled_at FROM avec_user WHERE name = ?").param(username)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4) != null))
                .optional()
                .filter(r -> r.hash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no local account"));
        Role role = Role.parse(row.role());
        return User.withUsername(row.name()).password(row.hash()).disabled(row.disabled() || role == Role.SERVICE)
                .authorities(List.of(new SimpleGrantedAuthority(role.authority()))).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
