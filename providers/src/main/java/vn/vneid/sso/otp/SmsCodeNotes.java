package vn.vneid.sso.otp;

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
            return new SmsCodeState(hash, salt, Instant.ofEpochMilli(Long.parseLong(sentAt)),
                    Integer.parseInt(authSession.getAuthNote(prefix + "attempts")),
                    Integer.parseInt(authSession.getAuthNote(prefix + "resends")));
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
    }

    public void clear(AuthenticationSessionModel authSession) {
        for (String name : new String[] {"hash", "salt", "sentAt", "attempts", "resends"}) {
            authSession.removeAuthNote(prefix + name);
        }
    }
}
