package fr.avec.server.security;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the claims of a provider into the person Avec knows: the local user name to create or link,
 * the role (from a roles or groups claim, or from the Pro Santé Connect profession), the full name and
 * the job title that sign documents. Refuses (with a reason for the sign-in page) when no role applies:
 * being known to the provider is not enough to use Avec.
 */
public final class SignOnClaims {

    private SignOnClaims() {
    }

    /** A person as a provider describes them. */
    public record Identity(String provider, String subject, String userName, Optional<Role> role, String fullName, String jobTitle,
                           String nationalId, String profession) {
    }

    /** Why a sign-in is refused; the code is a message key of the security bundle. */
    public static final class Refused extends RuntimeException {
        private final String code;

        public Refused(String code, String detail) {
            super(detail);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Maps the claims (ID token and UserInfo together) of one sign-in. */
    public static Identity identity(String providerId, SignOnProperties.Provider provider, Map<String, Object> claims) {
        String subject = text(claims.get("sub")).orElseThrow(() -> new Refused("sso.refused.claims", "no subject"));
        String fullName = text(claims.get("name")).orElseGet(() -> (text(claims.get("given_name")).orElse("") + " "
                + text(claims.get("family_name")).orElse("")).strip());
        if (provider.kind() == SignOnProperties.Kind.PRO_SANTE_CONNECT) {
            String nationalId = ProSanteConnect.nationalId(claims)
                    .orElseThrow(() -> new Refused("sso.refused.claims", "no SubjectNameID: not a health professional's identity"));
            Optional<Role> role = Optional.empty();
            String profession = null;
            for (String code : ProSanteConnect.professions(claims)) {
                if (profession == null) {
                    profession = code;
                }
                String mapped = provider.professionRoles().get(code);
                if (mapped != null) {
                    role = Optional.of(Role.parse(mapped));
                    profession = code;
                    break;
                }
            }
            if (role.isEmpty() && provider.defaultRole() != null && !provider.defaultRole().isBlank()) {
                role = Optional.of(Role.parse(provider.defaultRole()));
            }
            String title = profession == null ? null : ProSanteConnect.professionLabel(profession);
            return new Identity(providerId, subject, userName(provider.accountPrefix() + nationalId), role, fullName, title, nationalId, profession);
        }
        String name = text(claims.get(provider.usernameClaim()))
                .orElseThrow(() -> new Refused("sso.refused.claims", "no " + provider.usernameClaim() + " claim"));
        Optional<Role> role = Optional.empty();
        Collection<String> values = values(path(claims, provider.roleClaim()));
        for (Map.Entry<String, String> mapping : provider.roleMapping().entrySet()) {
            if (values.contains(mapping.getKey())) {
                role = Optional.of(Role.parse(mapping.getValue()));
                break;
            }
        }
        if (role.isEmpty() && provider.defaultRole() != null && !provider.defaultRole().isBlank()) {
            role = Optional.of(Role.parse(provider.defaultRole()));
        }
        return new Identity(providerId, subject, userName(provider.accountPrefix() + name), role, fullName,
                text(claims.get("job_title")).orElse(null), null, null);
    }

    /** A local user name from a claim: letters, digits and {@code . _ @ -} only, at most 128 characters. */
    static String userName(String raw) {
        String ascii = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}._@-]", "_");
        if (ascii.isEmpty()) {
            throw new Refused("sso.refused.claims", "empty user name");
        }
        return ascii.length() > 128 ? ascii.substring(0, 128) : ascii.toLowerCase(Locale.ROOT);
    }

    private static Object path(Map<String, Object> claims, String dotted) {
        if (dotted == null || dotted.isBlank()) {
            return null;
        }
        Object current = claims;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static Collection<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String one) {
            // Some providers send roles as one space- or comma-separated string.
            return java.util.Arrays.asList(one.split("[,\\s]+"));
        }
        return java.util.List.of();
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }
}
