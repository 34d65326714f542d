package vn.vneid.sso.chip.icao;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * A country issues each Document Signer certificate in a few hundred thousand documents (ICAO 9303-12 §4.1.1.2
 * recommends at most three months of private key usage), so the same signer comes back for citizen after citizen. Its parsed certificate
 * (whose key object keeps Bouncy Castle's curve precomputations: explicit-parameter curves have no shared ones) and
 * the outcome of its path validation are kept per trust store, which is rebuilt whenever its files or CRLs are
 * re-read. A validated path is re-validated after a few minutes of verification time; what varies by the moment
 * (the signer's and the CSCA's validity) is checked on every chip anyway.
 */
final class SignerCache {

    /** How long a validated path stands, in verification time. */
    static final Duration REVALIDATE = Duration.ofMinutes(5);
    /** Far more signers than a realm ever meets; the cache starts again rather than grow without bound. */
    private static final int MAX_ENTRIES = 10_000;

    /** @param ecKey the signer's EC key as Bouncy Castle's lightweight parameters (null for RSA): see {@link #ecKey} */
    private record Entry(X509Certificate certificate, AsymmetricKeyParameter ecKey, X509Certificate csca,
            Instant validatedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The certificate of these bytes, parsed once. */
    X509Certificate certificate(byte[] der) throws CertificateException {
        String key = key(der);
        Entry entry = entries.get(key);
        if (entry != null) {
            return entry.certificate();
        }
        X509Certificate certificate = Certificates.parse(der);
        put(key, new Entry(certificate, lightweight(certificate), null, null));
        return certificate;
    }

    /**
     * The signer's EC key as one long-lived parameter object. Through the JCA, Bouncy Castle rebuilds an
     * explicit-parameter curve, and so its precomputed multiples of the base point and of the key, on every
     * verification; kept here, they are computed once per signer (brainpool SODs verify several times faster).
     */
    AsymmetricKeyParameter ecKey(X509Certificate signer) throws CertificateException {
        Entry entry = entries.get(key(signer.getEncoded()));
        return entry == null ? null : entry.ecKey();
    }

    private static AsymmetricKeyParameter lightweight(X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof java.security.interfaces.ECPublicKey)) {
            return null;
        }
        try {
            return PublicKeyFactory.createKey(certificate.getPublicKey().getEncoded());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The CSCA this signer's path was validated to, at a moment close enough to {@code now}; else null. */
    X509Certificate validatedCsca(X509Certificate signer, Instant now) throws CertificateException {
        Entry entry = entries.get(key(signer.getEncoded()));
        if (entry == null || entry.csca() == null
                || Duration.between(entry.validatedAt(), now).abs().compareTo(REVALIDATE) > 0) {
            return null;
        }
        return entry.csca();
    }

    void validated(X509Certificate signer, X509Certificate csca, Instant now) throws CertificateException {
        String key = key(signer.getEncoded());
        Entry entry = entries.get(key);
        put(key, new Entry(signer, entry == null ? lightweight(signer) : entry.ecKey(), csca, now));
    }

    private void put(String key, Entry entry) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, entry);
    }

    private static String key(byte[] der) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
