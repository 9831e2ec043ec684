package dev.swipeloop.host.admin;

import dev.swipeloop.host.apps.AppKeys;
import dev.swipeloop.sdk.SwipeloopException;
import dev.swipeloop.sdk.model.App;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dashboard sessions, kept in the cookie itself so that any host behind a load balancer accepts
 * them: {@code v1.<role>.<app>.<expires>.<nonce>.<sig>}, signed with HMAC-SHA256 keyed by the
 * app's stored secret-key hash (an app session) or by the SHA-256 of the operator token (an
 * operator session). Rotating or revoking the secret key therefore ends every session of its app,
 * and changing the operator token every operator session, with nothing to store or look up
 * beyond the app itself. The CSRF token is a second HMAC of the same cookie under the same key:
 * a page that cannot read the (HttpOnly) cookie cannot compute it.
 */
public final class AdminSessions {
    public static final String COOKIE = "swipeloop_admin";
    private static final Pattern APP_ID = Pattern.compile("[a-z0-9]{1,64}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String NO_APP = "-";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who signed in: one app's owner with its secret key, or the operator for every app. */
    public enum Role {
        APP("app"), OPERATOR("operator");

        private final String wireName;

        Role(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A valid session: its role, its app (null for the operator), when it ends, its CSRF token. */
    public record Session(Role role, String appId, Instant expiresAt, String csrfToken) {
    }

    /** A session just signed in, and the cookie value that carries it. */
    public record Issued(Session session, String cookieValue) {
    }

    /** A session cookie that does not sign in, saying why in a sentence for the 401. */
    public static final class Refused extends SwipeloopException {
        private static final long serialVersionUID = 1L;
        private final boolean expired;

        Refused(String message, boolean expired) {
            super(message);
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }

    private final Function<String, Optional<App>> apps;
    private final byte[] operatorKey;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param apps          finds an app by id (the host's app cache, told at once of rotated keys)
     * @param operatorToken the operator token (see {@link OperatorToken})
     */
    public AdminSessions(Function<String, Optional<App>> apps, String operatorToken, Duration lifetime, Clock clock) {
        this.apps = apps;
        this.operatorKey = sha256(operatorToken);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new session for an app's valid secret key or the operator token; empty for anything else. */
    public Optional<Issued> signIn(String secret) {
        Optional<App> app = AppKeys.parse(secret)
                .filter(key -> key.type() == AppKeys.KeyType.SECRET)
                .flatMap(key -> apps.apply(key.appId()))
                .filter(found -> AppKeys.secretMatches(secret, found.secretKeyHash()));
        if (app.isPresent()) {
            return Optional.of(issue(Role.APP, app.get().id(), appKey(app.get())));
        }
        if (MessageDigest.isEqual(sha256(secret), operatorKey)) {
            return Optional.of(issue(Role.OPERATOR, NO_APP, operatorKey));
        }
        return Optional.empty();
    }

    /** The session a cookie carries; throws {@link Refused} saying why it does not sign in. */
    public Session verify(String cookieValue) {
        String[] parts = cookieValue.split("\\.", -1);
        if (parts.length != 6 || !"v1".equals(parts[0]) || !parts[3].matches("[0-9]{1,12}")
                || !BASE64URL.matcher(parts[4]).matches() || !BASE64URL.matcher(parts[5]).matches()) {
            throw new Refused("The session cookie is not one this server made; sign in again at /admin.", false);
        }
        Role role;
        byte[] key;
        if (parts[1].equals("app") && APP_ID.matcher(parts[2]).matches()) {
            role = Role.APP;
            key = apps.apply(parts[2]).map(AdminSessions::appKey).orElse(null);
        } else if (parts[1].equals("op") && parts[2].equals(NO_APP)) {
            role = Role.OPERATOR;
            key = operatorKey;
        } else {
            throw new Refused("The session cookie is not one this server made; sign in again at /admin.", false);
        }
        String payload = cookieValue.substring(0, cookieValue.lastIndexOf('.'));
        if (key == null || !MessageDigest.isEqual(hmac(key, "session." + payload).getBytes(StandardCharsets.US_ASCII),
                parts[5].getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("The session has ended: the app's secret key was rotated or revoked, the app is gone,"
                    + " or the operator token changed. Sign in again at /admin.", false);
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        if (!clock.instant().isBefore(expires)) {
            throw new Refused("The session expired at " + expires + "; sign in again at /admin.", true);
        }
        return new Session(role, role == Role.APP ? parts[2] : null, expires, hmac(key, "csrf." + payload));
    }

    /** Whether {@code presented} (the X-CSRF-Token header) is the session's CSRF token; constant time. */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private Issued issue(Role role, String subject, byte[] key) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Instant expires = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(lifetime);
        String payload = "v1." + (role == Role.APP ? "app" : "op") + "." + subject + "." + expires.getEpochSecond() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        Session session = new Session(role, role == Role.APP ? subject : null, expires, hmac(key, "csrf." + payload));
        return new Issued(session, payload + "." + hmac(key, "session." + payload));
    }

    /** The app's stored secret-key hash as bytes; null when the key is revoked (stored empty) or unreadable. */
    private static byte[] appKey(App app) {
        String hash = app.secretKeyHash();
        if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
            return null;
        }
        return HexFormat.of().parseHex(hash);
    }

    private static String hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(("swipeloop-admin." + message).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
