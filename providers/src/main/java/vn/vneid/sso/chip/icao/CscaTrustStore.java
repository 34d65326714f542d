package vn.vneid.sso.chip.icao;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Country Signing CA certificates we trust, and the revocation lists published for them. No Vietnamese CSCA is
 * public: the anchors are configuration (PEM or DER files and ICAO master lists in a directory), never built into
 * the code.
 *
 * <p>Real trust data is untidy: a national master list holds hundreds of CSCAs of every family, and some entries
 * cannot be used (a damaged certificate, a key we refuse, an end-entity certificate filed as a CSCA). Each such entry
 * is skipped with one warning naming it and why; the rest load. One bad entry never disables the store.
 */
public final class CscaTrustStore {

    private static final System.Logger LOG = System.getLogger(CscaTrustStore.class.getName());
    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_END = "-----END CERTIFICATE-----";

    private final Set<TrustAnchor> anchors;
    private final List<X509CRL> crls;
    private final List<String> warnings;
    /** Document Signers whose path this store validated: one signer signs many thousand cards. */
    private final SignerCache signers = new SignerCache();

    public CscaTrustStore(Collection<X509Certificate> cscas, Collection<X509CRL> crls) {
        this(cscas, crls, List.of());
    }

    private CscaTrustStore(Collection<X509Certificate> cscas, Collection<X509CRL> crls, List<String> warnings) {
        Set<TrustAnchor> set = new LinkedHashSet<>();
        for (X509Certificate csca : cscas) {
            set.add(new TrustAnchor(bouncyCastle(csca), null));
        }
        this.anchors = Set.copyOf(set);
        this.crls = List.copyOf(crls);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Loads every certificate ({@code .pem}, {@code .crt}, {@code .cer}, {@code .der}), ICAO master list
     * ({@code .ml}) and CRL ({@code .crl}) of a directory, or one file. Unusable entries are skipped with a warning
     * each (see {@link #warnings()}).
     *
     * @throws IOException when the path cannot be listed or not one usable CSCA is left
     */
    public static CscaTrustStore load(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        Loader loader = new Loader();
        for (Path file : files) {
            loader.file(file);
        }
        loader.resolveLinks();
        if (loader.certificates.isEmpty()) {
            throw new IOException("no usable CSCA certificate in " + path
                    + (loader.warnings.isEmpty() ? "" : ": " + loader.warnings));
        }
        return new CscaTrustStore(loader.certificates, loader.crls, loader.warnings);
    }

    /** Collects what is usable and one warning per entry that is not. */
    private static final class Loader {
        final List<X509Certificate> certificates = new ArrayList<>();
        final List<X509CRL> crls = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        /** Self-issued certificates not signed by their own key: CSCA link certificates, or damaged roots. */
        final java.util.Map<X509Certificate, Path> links = new java.util.LinkedHashMap<>();

        void file(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            try {
                if (name.endsWith(".ml")) {
                    MasterList.Contents list = MasterList.read(Files.readAllBytes(file));
                    list.skipped().forEach(reason -> warn(file, reason));
                    list.certificates().forEach(certificate -> csca(file, certificate));
                } else if (name.endsWith(".crl")) {
                    crls.addAll(Certificates.parseCrls(Files.readAllBytes(file)));
                } else if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")
                        || name.endsWith(".der")) {
                    certificates(file, Files.readAllBytes(file));
                }
            } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
                warn(file, "unreadable, skipped (" + e.getMessage() + ")");
            }
        }

        /** A PEM bundle is read block by block, so that one damaged block costs only itself. */
        void certificates(Path file, byte[] content) throws CertificateException {
            String text = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!text.contains(PEM_BEGIN)) {
                Certificates.parseAll(content).forEach(certificate -> csca(file, certificate));
                return;
            }
            int block = 0;
            for (int at = text.indexOf(PEM_BEGIN); at >= 0; at = text.indexOf(PEM_BEGIN, at + 1)) {
                block++;
                int end = text.indexOf(PEM_END, at);
                String pem = end < 0 ? text.substring(at) : text.substring(at, end + PEM_END.length());
                try {
                    Certificates.parseAll(pem.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                            .forEach(certificate -> csca(file, certificate));
                } catch (CertificateException | RuntimeException e) {
                    warn(file, "certificate " + block + " unreadable, skipped (" + e.getMessage() + ")");
                }
            }
        }

        void csca(Path file, X509Certificate certificate) {
            String reason = unusable(certificate);
            if (reason != null) {
                warn(file, Certificates.describe(certificate) + ": " + reason + ", skipped");
            } else if (Certificates.isSelfIssued(certificate) && !signedBy(certificate, certificate)) {
                links.put(certificate, file);
            } else {
                certificates.add(certificate);
            }
        }

        /**
         * A CSCA link certificate (ICAO Doc 9303-12 §4.1.4.3) names the CSCA as both issuer and subject but is signed
         * with the CSCA's previous key; it is trusted when a CSCA of the store with that name signed it (§6.1.1), in
         * whatever order the files list them. What no such CSCA signed is damaged, or a link whose earlier CSCA is
         * missing: skipped with a warning.
         */
        void resolveLinks() {
            boolean found = true;
            while (found && !links.isEmpty()) {
                found = false;
                for (var link : List.copyOf(links.keySet())) {
                    if (certificates.stream().anyMatch(csca -> Certificates.subject(csca).equals(
                            Certificates.issuer(link)) && signedBy(link, csca))) {
                        certificates.add(link);
                        links.remove(link);
                        found = true;
                    }
                }
            }
            links.forEach((link, file) -> warn(file, Certificates.describe(link) + ": neither its own key nor a"
                    + " CSCA of the store with its name signed it (damaged, or a link certificate whose earlier CSCA"
                    + " is missing), skipped"));
        }

        void warn(Path file, String message) {
            String warning = file.getFileName() + ": " + message;
            warnings.add(warning);
            LOG.log(System.Logger.Level.WARNING, "CSCA trust store: " + warning);
        }
    }

    /** Why a certificate cannot anchor a Document Signer, or null when it can. */
    static String unusable(X509Certificate certificate) {
        if (certificate.getBasicConstraints() < 0) {
            return "not a CA certificate";
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && (keyUsage.length < 6 || !keyUsage[5])) {
            return "key usage does not allow signing certificates";
        }
        try {
            AlgorithmPolicy.defaults().checkKey(AlgorithmPolicy.Use.CERTIFICATE_SIGNATURE, certificate.getPublicKey());
        } catch (ChipVerificationException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return "unusable key (" + e.getMessage() + ")";
        }
        return null;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey(), Crypto.BC);
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static X509Certificate bouncyCastle(X509Certificate certificate) {
        if (certificate.getClass().getName().startsWith("org.bouncycastle.")) {
            return certificate;
        }
        try {
            return Certificates.parse(certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable CSCA " + Certificates.describe(certificate), e);
        }
    }

    /**
     * Test CSCAs (the simulator's, whose private key is public) say so in their subject. A server not started with
     * {@code allow-test-csca=true} never trusts one, even if its file was copied into the trust store by mistake.
     */
    public static boolean isTestAnchor(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().contains("NOT FOR PRODUCTION");
    }

    /** The anchors and CRLs of several stores together (the production anchors and, in development, the test ones). */
    public static CscaTrustStore union(Collection<CscaTrustStore> stores) {
        List<X509Certificate> cscas = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (CscaTrustStore store : stores) {
            store.anchors.forEach(anchor -> cscas.add(anchor.getTrustedCert()));
            crls.addAll(store.crls);
        }
        return new CscaTrustStore(cscas, crls);
    }

    /** This store without its test anchors. */
    public CscaTrustStore withoutTestAnchors() {
        List<X509Certificate> production = anchors.stream().map(TrustAnchor::getTrustedCert)
                .filter(certificate -> !isTestAnchor(certificate)).toList();
        return new CscaTrustStore(production, crls, warnings);
    }

    public boolean hasTestAnchors() {
        return anchors.stream().anyMatch(anchor -> isTestAnchor(anchor.getTrustedCert()));
    }

    SignerCache signers() {
        return signers;
    }

    Set<TrustAnchor> anchors() {
        return anchors;
    }

    List<X509CRL> crls() {
        return crls;
    }

    /** One line per skipped entry: the file, the certificate's subject where known, and the reason. */
    public List<String> warnings() {
        return warnings;
    }

    public int size() {
        return anchors.size();
    }
}
