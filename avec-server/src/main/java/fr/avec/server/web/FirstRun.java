package fr.avec.server.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * First run: while nobody can sign in, {@code avec serve} prints once, at start-up, a one-time link
 * that lets whoever started the server create the first administrator. The token lives in memory only
 * (a restart prints a new one) and is spent when the administrator is created.
 */
@Component
public class FirstRun {

    private final LocalAccounts accounts;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<String> token = new AtomicReference<>();

    public FirstRun(LocalAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    public void offerSetup(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web) || accounts.anyoneCanSignIn()) {
            return;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        token.set(secret);
        int port = web.getWebServer().getPort();
        // Printed on the console rather than logged: it is a secret meant for the person at the terminal.
        System.out.println("""

                ==========================================================================
                 Avec: no one can sign in yet. Create the first administrator by opening
                   http://localhost:%d/setup?token=%s
                 (one-time link, valid until it is used or the server stops), or run
                   ./avec users create --user NAME --role admin
                ==========================================================================
                """.formatted(port, secret));
    }

    /** Whether the presented token is the current one-time setup token. */
    public boolean accepts(String presented) {
        String current = token.get();
        return current != null && presented != null
                && MessageDigest.isEqual(current.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Spends the token: the setup link works once. */
    public boolean spend(String presented) {
        String current = token.get();
        return accepts(presented) && token.compareAndSet(current, null);
    }
}
