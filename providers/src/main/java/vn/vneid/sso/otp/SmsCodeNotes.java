package vn.vneid.sso.otp;

import java.time.Duration;
import java.time.Instant;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keeps an {@link SmsCodeState} in authentication-session notes (replicated, so any cluster node can check a code),
 * under a prefix per step so that the login's code and a phone binding's code never mix.
 */
public final class SmsCodeNotes {

    /** What a code's own rules can be (SmsCodePolicy's and SmsCodeConfig's bounds); anything else is not trusted. */
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 10;
    private static final long MAX_TTL_SECONDS = 900;

    private final String prefix;

    public SmsCodeNotes(String prefix) {
        this.prefix = prefix;
    }

    public SmsCodeState read(AuthenticationSessionModel authSession) {
        String hash = authSession.getAuthNote(prefix + "hash");
        String salt = authSession.getAuthNote(prefix + "salt");
        String sentAt = authSession.getAuthNote(prefix + "sentAt");
        if (hash == null || salt == null || sentAt == null) {
            return null;
        }
        try {
            return new SmsCodeState(hash, salt, Instant.ofEpochMilli(Long.parseLong(sentAt)),
                    Integer.parseInt(authSession.getAuthNote(prefix + "attempts")),
                    Integer.parseInt(authSession.getAuthNote(prefix + "resends")),
                    ruleLength(authSession, salt), ruleTtl(authSession, salt));
        } catch (RuntimeException e) {
            return null;
        }
    }

    public void write(AuthenticationSessionModel authSession, SmsCodeState state) {
        authSession.setAuthNote(prefix + "hash", state.hash());
        authSession.setAuthNote(prefix + "salt", state.salt());
        authSession.setAuthNote(prefix + "sentAt", String.valueOf(state.sentAt().toEpochMilli()));
        authSession.setAuthNote(prefix + "attempts", String.valueOf(state.attempts()));
        authSession.setAuthNote(prefix + "resends", String.valueOf(state.resends()));
        if (state.length() > 0) {
            long ttlSeconds = state.ttl() == null ? 0 : state.ttl().toSeconds();
            authSession.setAuthNote(prefix + "rules", state.length() + ":" + ttlSeconds + ":" + state.salt());
        } else {
            authSession.removeAuthNote(prefix + "rules");
        }
    }

    /**
     * The code's own length and lifetime are kept with the salt of the code they belong to: a note left by a node
     * that does not write them (a rolling upgrade) never lends them to another code, which then follows the rules in
     * force. Figures outside the bounds an administrator can set are not trusted either.
     */
    private String[] rules(AuthenticationSessionModel authSession, String salt) {
        String rules = authSession.getAuthNote(prefix + "rules");
        String[] parts = rules == null ? null : rules.split(":", 3);
        return parts != null && parts.length == 3 && parts[2].equals(salt) ? parts : null;
    }

    private int ruleLength(AuthenticationSessionModel authSession, String salt) {
        String[] rules = rules(authSession, salt);
        try {
            int length = rules == null ? 0 : Integer.parseInt(rules[0]);
            return length >= MIN_LENGTH && length <= MAX_LENGTH ? length : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Duration ruleTtl(AuthenticationSessionModel authSession, String salt) {
        String[] rules = rules(authSession, salt);
        try {
            long seconds = rules == null ? 0 : Long.parseLong(rules[1]);
            return seconds >= 1 && seconds <= MAX_TTL_SECONDS ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void clear(AuthenticationSessionModel authSession) {
        for (String name : new String[] {"hash", "salt", "sentAt", "attempts", "resends", "rules"}) {
            authSession.removeAuthNote(prefix + name);
        }
    }
}
