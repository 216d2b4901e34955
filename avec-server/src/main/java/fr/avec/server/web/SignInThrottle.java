package fr.avec.server.web;

import fr.avec.server.security.SignInAttempts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a password sign-in while the account or the client address is locked by
 * {@link SignInAttempts}, before the password is checked, and sends the person to the sign-in page
 * with the lock-out message.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private final SignInAttempts attempts;

    SignInThrottle(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!attempts.lockedFor(request.getParameter("username"), request.getRemoteAddr()).isZero()) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
