package fr.avec.server.web;

import fr.avec.server.security.Role;
import fr.avec.server.security.SecurityConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import fr.avec.server.security.SignInAttempts;
import fr.avec.server.security.SignOnProviders;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The browser chain: every page of the web application needs a session opened by signing in with a
 * local account (form login, CSRF protection, strict Content-Security-Policy: no inline script, nothing
 * loaded from elsewhere), or through a single sign-on provider when one is configured ({@code avec.sso}). It sits after the gateway's API-key chain, which keeps {@code /v1/**},
 * {@code /api/**} and the actuator.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurityConfiguration {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebSecurityConfiguration.class);

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
            "/admin", "/admin/**",
            // Single sign-on (#10): the redirect to the provider and the provider's return.
            "/oauth2/**", "/login/oauth2/**"};

    /** Browser features that no page of Avec uses; denied so that an injected script cannot use them either. */
    static final String PERMISSIONS_POLICY = "camera=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
            + "hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), interest-cohort=()";

    @Bean
    @Order(BROWSER_CHAIN_ORDER)
    SecurityFilterChain browserChain(HttpSecurity http, LocalAccounts accounts, SignInAttempts attempts, SignOnProviders providers,
                                     SignOnUserService signOnUsers) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(accounts.encoder());
        String[] writers = {Role.CLINICIAN.name(), Role.REFERENT.name(), Role.ADMIN.name()};
        SavedRequestAwareAuthenticationSuccessHandler savedRequests = new SavedRequestAwareAuthenticationSuccessHandler();
        savedRequests.setDefaultTargetUrl("/");
        // No parent manager: Spring Boot's global one would check the Argon2 hashes again with a default encoder.
        http.getSharedObject(org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder.class)
                .parentAuthenticationManager(authentication -> {
                    throw new org.springframework.security.authentication.ProviderNotFoundException("passwords and single sign-on only");
                });
        http.securityMatcher(PAGES)
                .authenticationProvider(passwords)
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
                        // Changes to Estimer (reference cases, drift replays, services) are the referent's, checked before any binding.
                        .requestMatchers(HttpMethod.POST, "/estimate/references/**", "/estimate/drift", "/estimate/services")
                        .hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name())
                        .requestMatchers("/estimate", "/estimate/**", "/needs", "/needs/**").hasAnyRole(Role.REFERENT.name(), Role.ADMIN.name(), Role.DPO.name())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler((request, response, authentication) -> {
                            attempts.succeeded(authentication.getName());
                            savedRequests.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            attempts.failed(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .addFilterBefore(new SignInThrottle(attempts), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // A new session id at every sign-in, so that an id planted before it (fixation) is worthless.
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .frameOptions(frames -> frames.deny())
                        // Sent only on HTTPS requests (behind a TLS proxy: server.forward-headers-strategy), as browsers require.
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
                .httpBasic(basic -> basic.disable());
        if (providers.any()) {
            DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(providers, "/oauth2/authorization");
            resolver.setAuthorizationRequestCustomizer(builder -> {
                String[] id = new String[1];
                builder.attributes(attributes -> id[0] = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID));
                var provider = providers.provider(id[0]);
                if (provider != null && !provider.acrValues().isBlank()) {
                    builder.additionalParameters(parameters -> parameters.put("acr_values", provider.acrValues()));
                }
                // PKCE for confidential clients too: a stolen authorization code is useless without the verifier.
                OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
            });
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(providers)
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signOnUsers))
                    .successHandler(savedRequests)
                    .failureHandler((request, response, exception) -> {
                        String error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                                : exception.getClass().getSimpleName();
                        String code = error.startsWith("sso.refused.") ? error : "sso.failed";
                        // The error code only (invalid_id_token, invalid_nonce...): never a token or a claim.
                        LOG.warn("single sign-on refused: {}", error);
                        response.sendRedirect(request.getContextPath() + "/login?sso=" + code.substring("sso.".length()));
                    }));
        }
        return http.build();
    }
}
