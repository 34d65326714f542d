package vn.vneid.sso.login;

/** Names of the authentication-session notes of the level-1 login. They live in the distributed session cache. */
final class LoginNotes {

    /** Keycloak's own note name: its brute-force detector reads it to find whom a failure belongs to. */
    static final String ATTEMPTED_USERNAME = "ATTEMPTED_USERNAME";

    /** A message for the first page after the login restarted (set after the reset, which clears all notes). */
    static final String FLASH_ERROR = "vneid.login.flashError";

    private LoginNotes() {
    }
}
