package vn.vneid.sso.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Failed sign-ins per national ID and per client address, kept in Keycloak's replicated single-use store so that
 * every cluster node slows the same guesser. An unknown ID is counted exactly like a known one: the delay must not
 * tell which numbers have accounts. Keys are hashed: neither the ID nor the address sits in the cache in clear.
 *
 * <p>The count is read, then written: parallel guesses sent in one burst may each pass before any is counted. Those
 * still each cost a password hash and count for Keycloak's own lock-out, which stays for sustained guessing.
 */
public final class LoginThrottle {

    private static final String PREFIX = "vneid.throttle.";

    private final SingleUseObjectProvider store;
    private final Clock clock;
    private final String realmId;

    public LoginThrottle(KeycloakSession session, String realmId, Clock clock) {
        this.store = session.singleUseObjects();
        this.realmId = realmId;
        this.clock = clock;
    }

    /** Seconds before another try of this ID from this address is looked at; zero when it may go now. */
    long secondsToWait(LoginThrottleConfig config, String nationalId, String clientIp) {
        Instant now = clock.instant();
        return Math.max(config.perId().secondsToWait(read(key("id", nationalId)), now),
                config.perAddress().secondsToWait(read(key("ip", clientIp)), now));
    }

    void failed(LoginThrottleConfig config, String nationalId, String clientIp) {
        Instant now = clock.instant();
        write(key("id", nationalId), config.perId(), now);
        write(key("ip", clientIp), config.perAddress(), now);
    }

    /**
     * A complete sign-in, or a recovered password (issue #17: the guesses counted were of the old one): the citizen's
     * own count starts over (the address's does not).
     */
    public void succeeded(String nationalId) {
        store.remove(key("id", nationalId));
    }

    private void write(String key, ThrottlePolicy policy, Instant now) {
        ThrottlePolicy.State next = policy.afterFailure(read(key), now);
        store.put(key, Math.max(1, policy.window().toSeconds()), Map.of(
                "f", String.valueOf(next.failures()), "t", String.valueOf(next.lastFailure().toEpochMilli())));
    }

    private ThrottlePolicy.State read(String key) {
        Map<String, String> notes = store.get(key);
        if (notes == null) {
            return ThrottlePolicy.State.NONE;
        }
        try {
            return new ThrottlePolicy.State(Integer.parseInt(notes.get("f")),
                    Instant.ofEpochMilli(Long.parseLong(notes.get("t"))));
        } catch (RuntimeException e) {
            return ThrottlePolicy.State.NONE;
        }
    }

    private String key(String kind, String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((realmId + '|' + kind + '|' + value).getBytes(StandardCharsets.UTF_8));
            return PREFIX + kind + '.' + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
