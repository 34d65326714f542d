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
            // A code written by a node without these notes (a rolling upgrade) follows the rules in force.
            String length = authSession.getAuthNote(prefix + "length");
            String ttl = authSession.getAuthNote(prefix + "ttl");
            return new SmsCodeState(hash, salt, Instant.ofEpochMilli(Long.parseLong(sentAt)),
                    Integer.parseInt(authSession.getAuthNote(prefix + "attempts")),
                    Integer.parseInt(authSession.getAuthNote(prefix + "resends")),
                    length == null ? 0 : Integer.parseInt(length),
                    ttl == null ? null : Duration.ofSeconds(Long.parseLong(ttl)));
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
        setOrRemove(authSession, "length", state.length() > 0 ? String.valueOf(state.length()) : null);
        setOrRemove(authSession, "ttl", state.ttl() != null ? String.valueOf(state.ttl().toSeconds()) : null);
    }

    private void setOrRemove(AuthenticationSessionModel authSession, String name, String value) {
        if (value == null) {
            authSession.removeAuthNote(prefix + name);
        } else {
            authSession.setAuthNote(prefix + name, value);
        }
    }

    public void clear(AuthenticationSessionModel authSession) {
        for (String name : new String[] {"hash", "salt", "sentAt", "attempts", "resends", "length", "ttl"}) {
            authSession.removeAuthNote(prefix + name);
        }
    }
}
