package fr.avec.server.security;

import fr.avec.server.gateway.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} against {@link ApiKeys} and applies the key's
 * rate limit. A request without a key continues unauthenticated (and is refused by the authorisation
 * rules unless its path is public); a request with a wrong key is refused here.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final RateLimits limits;

    ApiKeyFilter(ApiKeys keys, RateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller;
        try {
            caller = keys.resolve(header.substring(7).trim());
        } catch (RuntimeException storeDown) {
            // Fail closed: no key check, no request.
            new ApiError(503, "server_error", "key_store_unavailable", "The key store is unavailable; try again later.").writeTo(response);
            return;
        }
        if (caller.isEmpty()) {
            new ApiError(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.").writeTo(response);
            return;
        }
        if (!limits.tryAcquire(caller.get())) {
            response.setHeader("Retry-After", "1");
            new ApiError(429, "rate_limit_error", "rate_limit_exceeded", "Rate limit reached for this API key.").writeTo(response);
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller.get(), null,
                List.of(new SimpleGrantedAuthority(caller.get().role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
