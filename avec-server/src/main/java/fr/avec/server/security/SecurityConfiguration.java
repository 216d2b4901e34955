package fr.avec.server.security;

import fr.avec.server.gateway.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call what. The API chain (order 10) covers the gateway {@code /v1/**}, the JSON API
 * {@code /api/**} and the actuator, authenticated by API key, stateless. Everything else falls to the
 * last chain, which refuses all: the workbench adds its own browser chain (form login, sessions) with
 * an order between the two, without touching this one.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    /** Order of the API-key chain; a browser chain should use a larger number. */
    public static final int API_CHAIN_ORDER = 10;

    @Bean
    RateLimits rateLimits(@Value("${avec.gateway.rate-limit-per-minute:6000}") int perMinute) {
        return new RateLimits(perMinute);
    }

    /**
     * No user/password store yet: this keeps Spring Boot from creating a default user with a generated
     * password. The workbench replaces it with its local-account manager.
     */
    @Bean
    AuthenticationManager apiKeyOnlyAuthenticationManager() {
        return authentication -> {
            throw new ProviderNotFoundException("API keys are checked by the API key filter; no password login is configured");
        };
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys keys, RateLimits limits) throws Exception {
        String[] everyone = {Role.CLINICIAN.name(), Role.REFERENT.name(), Role.DPO.name(), Role.ADMIN.name(), Role.SERVICE.name()};
        http.securityMatcher("/v1/**", "/api/**", "/actuator/**", "/error")
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.SERVICE.name())
                        .requestMatchers("/api/audit/**").hasAnyRole(Role.DPO.name(), Role.ADMIN.name())
                        .requestMatchers("/v1/**").hasAnyRole(everyone)
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .addFilterBefore(new ApiKeyFilter(keys, limits), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                // JSON and event streams only: nothing may be rendered, framed or scripted from these answers.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { })
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> new ApiError(401, "invalid_request_error", "missing_api_key",
                                "You didn't provide an API key: send Authorization: Bearer <key>.").writeTo(response))
                        .accessDeniedHandler((request, response, e) -> new ApiError(403, "permission_error", "forbidden",
                                "Your role does not allow this endpoint.").writeTo(response)));
        return http.build();
    }

    /** Refuses whatever no earlier chain claimed. */
    @Bean
    @Order(Integer.MAX_VALUE - 10)
    SecurityFilterChain denyEverythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules.anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> new ApiError(404, "invalid_request_error", "not_found",
                                "No such endpoint.").writeTo(response))
                        .accessDeniedHandler((request, response, e) -> new ApiError(404, "invalid_request_error", "not_found",
                                "No such endpoint.").writeTo(response)));
        return http.build();
    }
}
