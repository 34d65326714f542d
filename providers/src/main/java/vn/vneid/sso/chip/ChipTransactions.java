package vn.vneid.sso.chip;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Pending chip step-ups, kept in Keycloak's single-use object store: replicated across the cluster, so the app may
 * reach any node, and expiring on their own. A transaction is consumed atomically by the one submission that uses
 * its challenge; a second submission finds it gone (replay). The outcome is kept separately for the browser.
 */
final class ChipTransactions {

    static final String REALM = "realm";
    static final String USER = "user";
    static final String NATIONAL_ID = "nationalId";
    static final String BIRTH_DATE = "birthDate";
    static final String CHALLENGE = "challenge";
    static final String EXPIRES_AT = "expiresAt";
    static final String SERVICE = "service";
    static final String MATCH_NUMBER = "matchNumber";

    static final String STATUS = "status";
    static final String REASON = "reason";
    static final String METHOD = "method";
    /** The verified card (issue #15): its key fingerprint, issue date and MRZ document number. */
    static final String CARD_KEY = "cardKey";
    static final String CARD_ISSUED = "cardIssued";
    static final String CARD_DOCUMENT = "cardDocument";
    static final String VERIFIED = "verified";
    static final String FAILED = "failed";

    /** ICAO 9303 part 11: the active-authentication challenge (RND.IFD) is 8 bytes. */
    private static final int CHALLENGE_BYTES = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SingleUseObjectProvider store;

    ChipTransactions(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    /** @return the new transaction's id: 128 random bits, also the code the app receives from the QR */
    /**
     * @param service the name of the service the citizen is signing in to, shown by the app
     * @param matchNumber the number shown on the citizen's screen, which the app shows too
     */
    String create(String realmId, String userId, String nationalId, String birthDate, String service,
            String matchNumber, Duration ttl) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        byte[] challenge = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(challenge);
        String transactionId = B64.encodeToString(id);
        Map<String, String> notes = new HashMap<>();
        notes.put(REALM, realmId);
        notes.put(USER, userId);
        notes.put(NATIONAL_ID, nationalId);
        notes.put(BIRTH_DATE, birthDate == null ? "" : birthDate);
        notes.put(CHALLENGE, B64.encodeToString(challenge));
        notes.put(EXPIRES_AT, String.valueOf(Instant.now().plus(ttl).getEpochSecond()));
        notes.put(SERVICE, service == null ? "" : service);
        notes.put(MATCH_NUMBER, matchNumber);
        store.put(pendingKey(transactionId), ttl.toSeconds(), notes);
        return transactionId;
    }

    /** The pending transaction, without consuming it (the app reads its challenge), or null. */
    Map<String, String> peek(String transactionId) {
        return valid(transactionId) ? store.get(pendingKey(transactionId)) : null;
    }

    /** Removes and returns the pending transaction; null when expired, unknown or already used. */
    Map<String, String> consume(String transactionId) {
        return valid(transactionId) ? store.remove(pendingKey(transactionId)) : null;
    }

    void recordOutcome(String transactionId, Map<String, String> outcome, Duration ttl) {
        store.put(outcomeKey(transactionId), ttl.toSeconds(), outcome);
    }

    Map<String, String> outcome(String transactionId) {
        return valid(transactionId) ? store.get(outcomeKey(transactionId)) : null;
    }

    void forget(String transactionId) {
        if (valid(transactionId)) {
            store.remove(outcomeKey(transactionId));
            store.remove(pendingKey(transactionId));
        }
    }

    /** Two digits for the citizen to compare between the screen and the app. */
    static String newMatchNumber() {
        return String.format("%02d", RANDOM.nextInt(100));
    }

    static byte[] challenge(Map<String, String> transaction) {
        return Base64.getUrlDecoder().decode(transaction.get(CHALLENGE));
    }

    /** Ids come from URLs: only our own shape reaches the store. */
    static boolean valid(String transactionId) {
        return transactionId != null && transactionId.matches("[A-Za-z0-9_-]{22}");
    }

    private static String pendingKey(String transactionId) {
        return "vneid.chip.tx." + transactionId;
    }

    private static String outcomeKey(String transactionId) {
        return "vneid.chip.outcome." + transactionId;
    }
}
