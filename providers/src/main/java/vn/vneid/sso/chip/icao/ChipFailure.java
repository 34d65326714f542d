package vn.vneid.sso.chip.icao;

/** Why a chip was not accepted. Each names the message key shown to the citizen and the app. */
public enum ChipFailure {
    MALFORMED("chipMalformed"),
    OVERSIZED("chipOversized"),
    MISSING_DATA_GROUP("chipMissingDataGroup"),
    HASH_MISMATCH("chipHashMismatch"),
    SIGNATURE_INVALID("chipSignatureInvalid"),
    UNTRUSTED_SIGNER("chipUntrustedSigner"),
    SIGNER_EXPIRED("chipSignerExpired"),
    SIGNER_NOT_YET_VALID("chipSignerNotYetValid"),
    SIGNER_REVOKED("chipSignerRevoked"),
    SIGNER_KEY_USAGE("chipSignerKeyUsage"),
    /** The trusted CSCA itself is out of its validity (ICAO 9303-12 §4.1.4.1 sizes it to outlive all it signs). */
    CSCA_EXPIRED("chipCscaExpired"),
    CSCA_NOT_YET_VALID("chipCscaNotYetValid"),
    /** The Document Signer's or the CSCA's country (C=) is not the document's issuing state. */
    SIGNER_COUNTRY_MISMATCH("chipSignerCountryMismatch"),
    /** The document's issuing state (DG1) is not one the realm accepts. */
    ISSUING_STATE_NOT_ACCEPTED("chipIssuingStateNotAccepted"),
    /** A known algorithm that our {@link AlgorithmPolicy} refuses (e.g. SHA-1 in a certificate). */
    ALGORITHM_REFUSED("chipAlgorithmRefused"),
    /** The CSCA's CRL is configured but stale or unreadable: a server-side problem, not the citizen's card. */
    REVOCATION_UNKNOWN("chipUnavailable"),
    CARD_EXPIRED("chipCardExpired"),
    UNSUPPORTED_ALGORITHM("chipUnsupportedAlgorithm"),
    BAD_CHALLENGE("chipBadChallenge"),
    CHALLENGE_EXPIRED("chipChallengeExpired"),
    CHALLENGE_REPLAYED("chipChallengeReplayed"),
    IDENTITY_MISMATCH("chipIdentityMismatch"),
    /** Issue #15: this card was reported lost, replaced or revoked by the police system. */
    CARD_REPORTED("chipCardReported"),
    /** Issue #15: level 2 is locked and nothing shows this card is newer than the one reported. */
    CARD_NOT_NEW("chipCardNotNew"),
    /** Issue #15: a card older than the one bound to the account, i.e. one that was replaced. */
    CARD_SUPERSEDED("chipCardSuperseded");

    private final String messageKey;

    ChipFailure(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The code the app endpoint returns in its JSON error. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
