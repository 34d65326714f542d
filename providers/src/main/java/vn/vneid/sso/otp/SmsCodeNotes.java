package vn.vneid.sso.otp;

import java.time.Duration;
import java.time.Instant;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keeps an {@link SmsCodeState} in authentication-session notes (replicated, so any cluster node can check a code),
 * under a prefix per step so that the login's code and a phone binding's code never mix.
 */
public final class SmsCodeNotes {

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
            OwnRules own = OwnRules.parse(authSession.getAuthNote(prefix + "rules"), salt);
            return new SmsCodeState(hash, salt, Instant.ofEpochMilli(Long.parseLong(sentAt)),
                    Integer.parseInt(authSession.getAuthNote(prefix + "attempts")),
                    Integer.parseInt(authSession.getAuthNote(prefix + "resends")), own.length(), own.ttl());
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
     * The code's own length and lifetime, kept with the salt of the code they belong to: a note left by a node that
     * does not write them (a rolling upgrade) never lends them to another code, which then follows the rules in force
     * (0, null). Figures outside the bounds an administrator can set are not trusted either.
     */
    private record OwnRules(int length, Duration ttl) {

        static OwnRules parse(String note, String salt) {
            String[] parts = note == null ? new String[0] : note.split(":", 3);
            if (parts.length != 3 || !parts[2].equals(salt)) {
                return new OwnRules(0, null);
            }
            try {
                int length = Integer.parseInt(parts[0]);
                long seconds = Long.parseLong(parts[1]);
                return new OwnRules(
                        length >= SmsCodePolicy.MIN_LENGTH && length <= SmsCodePolicy.MAX_LENGTH ? length : 0,
                        seconds >= 1 && seconds <= SmsCodePolicy.MAX_CONFIGURABLE_TTL.toSeconds()
                                ? Duration.ofSeconds(seconds) : null);
            } catch (NumberFormatException e) {
                return new OwnRules(0, null);
            }
        }
    }

    public void clear(AuthenticationSessionModel authSession) {
        for (String name : new String[] {"hash", "salt", "sentAt", "attempts", "resends", "rules"}) {
            authSession.removeAuthNote(prefix + name);
        }
    }
}
