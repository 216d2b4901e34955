package fr.avec.server.web;

import fr.avec.server.security.Role;
import fr.avec.server.security.SignOnClaims;
import fr.avec.server.security.SignOnProperties;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The local account behind a single sign-on identity: found by the link (provider, subject), else
 * created (without a password: such a person signs in through the provider only), or linked to an
 * existing account of the same name when the provider is trusted for that. The local account keeps the
 * role, the signature of documents and the ownership of consultations.
 */
@Component
public class SignOnAccounts {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public SignOnAccounts(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The local account now in force for this identity, with its role. */
    public record Linked(String name, Role role) {
    }

    private record UserRow(long id, String name, Role role, boolean disabled) {
    }

    /** Finds, links or creates the local account of an identity; refuses with a reason for the sign-in page. */
    public Linked signIn(SignOnClaims.Identity identity, SignOnProperties.Provider provider) {
        return transactions.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Optional<UserRow> linked = jdbc.sql("""
                            SELECT u.id, u.name, u.role, u.disabled_at FROM user_identity i JOIN avec_user u ON u.id = i.user_id
                            WHERE i.provider = ? AND i.subject = ?""")
                    .params(identity.provider(), identity.subject())
                    .query((rs, n) -> new UserRow(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getObject(4) != null))
                    .optional();
            UserRow user;
            if (linked.isPresent()) {
                user = linked.get();
                jdbc.sql("UPDATE user_identity SET last_sign_in_at = ?, national_id = ?, profession = ? WHERE provider = ? AND subject = ?")
                        .params(now, identity.nationalId(), identity.profession(), identity.provider(), identity.subject()).update();
            } else {
                Optional<UserRow> sameName = jdbc.sql("SELECT id, name, role, disabled_at FROM avec_user WHERE name = ?").param(identity.userName())
                        .query((rs, n) -> new UserRow(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getObject(4) != null))
                        .optional();
                if (sameName.isPresent()) {
                    if (!provider.linkExistingByName()) {
                        throw new SignOnClaims.Refused("sso.refused.exists", "a local account named " + identity.userName() + " exists");
                    }
                    user = sameName.get();
                } else {
                    Role role = identity.role().orElseThrow(() -> new SignOnClaims.Refused("sso.refused.role", "no Avec role for this identity"));
                    if (role == Role.SERVICE) {
                        throw new SignOnClaims.Refused("sso.refused.role", "a service does not sign in");
                    }
                    jdbc.sql("INSERT INTO avec_user (name, role, created_at, full_name, job_title) VALUES (?, ?, ?, ?, ?)")
                            .params(identity.userName(), role.id(), now, blankToNull(identity.fullName()), blankToNull(identity.jobTitle())).update();
                    user = new UserRow(jdbc.sql("SELECT id FROM avec_user WHERE name = ?").param(identity.userName()).query(Long.class).single(),
                            identity.userName(), role, false);
                }
                jdbc.sql("INSERT INTO user_identity (provider, subject, user_id, national_id, profession, linked_at, last_sign_in_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(identity.provider(), identity.subject(), user.id(), identity.nationalId(), identity.profession(), now, now).update();
            }
            if (user.disabled()) {
                throw new SignOnClaims.Refused("sso.refused.disabled", "account disabled");
            }
            Role role = user.role();
            if (provider.roleFromProvider()) {
                // The provider is the source of truth for roles: a role withdrawn there is withdrawn here at once.
                role = identity.role().orElseThrow(() -> new SignOnClaims.Refused("sso.refused.role", "no Avec role for this identity"));
                if (role == Role.SERVICE) {
                    throw new SignOnClaims.Refused("sso.refused.role", "a service does not sign in");
                }
                if (role != user.role()) {
                    jdbc.sql("UPDATE avec_user SET role = ? WHERE id = ?").params(role.id(), user.id()).update();
                }
            }
            return new Linked(user.name(), role);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
