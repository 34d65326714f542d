package vn.vneid.sso.chip.icao;

/**
 * A chip that passed passive and active authentication, with the identity it carries.
 *
 * @param activeAuthentication "ECDSA" or "RSA-ISO9796-2"
 * @param documentSigner the Document Signer's subject, for the audit record
 * @param keyFingerprint names this physical card: the SHA-256 of its DG15 key, base64url (issue #15)
 */
public record VerifiedChip(Dg13 identity, Mrz mrz, String activeAuthentication, String documentSigner,
                           String keyFingerprint) {

    /** How the level was reached, for the login event. */
    public String method() {
        return "chip-pa-aa-" + activeAuthentication.toLowerCase(java.util.Locale.ROOT);
    }
}
