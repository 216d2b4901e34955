package fr.avec.server.web;

import fr.avec.server.security.Role;
import fr.avec.server.security.SecurityConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The browser chain: every page of the web application needs a session opened by signing in with a
 * local account (form login, CSRF protection, strict Content-Security-Policy: no inline script, nothing
 * loaded from elsewhere). It sits after the gateway's API-key chain, which keeps {@code /v1/**},
 * {@code /api/**} and the actuator.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurityConfiguration {

    /** After the API chain, before the gateway's refuse-everything-else chain. */
    public static final int BROWSER_CHAIN_ORDER = SecurityConfiguration.API_CHAIN_ORDER + 40;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** What the browser chain covers; anything else still falls to the gateway's refuse-all chain. */
    static final String[] PAGES = {"/", "/login", "/logout", "/setup", "/consultations", "/consultations/**", "/oppositions",
            "/templates", "/templates/**", "/css/**", "/js/**", "/webjars/**", "/favicon.svg",
            // Feature areas: literature and patient education (#7), Estimer (#8), Apprendre (#9), Communiquer (#9),
            // administration and sign-on (#10).
            "/literature", "/literature/**", "/education", "/education/**",
            "/estimate", "/estimate/**", "/needs", "/needs/**",
            "/learn", "/learn/**", "/register", "/register/**", "/bench", "/bench/**",
            "/charter", "/charter/**", "/incidents", "/incidents/**", "/sharing", "/sharing/**",
            "/transparency", "/transparency/**", "/notice", "/notice/**", "/fhir/**",
            "/admin", "/admin/**"};

    @Bean
    @Order(BROWSER_CHAIN_ORDER)
    SecurityFilterChain browserChain(HttpSecurity http, LocalAccounts accounts) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(accounts.encoder());
        String[] writers = {Role.CLINICIAN.name(), Role.REFERENT.name(), Role.ADMIN.name()};
        http.securityMatcher(PAGES)
                .authenticationManager(new ProviderManager(passwords))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/login", "/setup", "/css/**", "/js/**", "/webjars/**", "/favicon.svg").permitAll()
                        .requestMatchers("/templates/**").hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name())
                        .requestMatchers("/consultations/**", "/oppositions/**").hasAnyRole(writers)
                        .requestMatchers("/charter/edit").hasRole(Role.REFERENT.name())
                        .requestMatchers("/incidents/*/triage").hasRole(Role.REFERENT.name())
                        .requestMatchers("/sharing/moderation", "/sharing/moderation/**").hasRole(Role.REFERENT.name())
                        .requestMatchers("/fhir/**").hasAnyRole(writers)
                        // Apprendre (#9): the referent's training list; the register (referent/admin edit, DPO reads); the bench.
                        .requestMatchers("/learn/people").hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name(), Role.DPO.name())
                        .requestMatchers(HttpMethod.POST, "/register/**").hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name())
                        .requestMatchers("/register", "/register/**").hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name(), Role.DPO.name())
                        .requestMatchers("/bench", "/bench/**").hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name())
                        // Communiquer (#9): the transparency register for the DPO; the patient notice is open to every signed-in person.
                        .requestMatchers("/transparency", "/transparency/**").hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name(), Role.DPO.name())
                        .requestMatchers("/literature", "/literature/**").hasAnyRole(writers)
                        .requestMatchers("/education", "/education/**").hasAnyRole(writers)
                        .requestMatchers("/estimate/me", "/estimate/sus").authenticated()
                        .requestMatchers("/estimate", "/estimate/**", "/needs", "/needs/**").hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name(), Role.DPO.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(basic -> basic.disable());
        return http.build();
    }
}
