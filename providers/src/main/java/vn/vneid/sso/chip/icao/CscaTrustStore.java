package vn.vneid.sso.chip.icao;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Country Signing CA certificates we trust, and the revocation lists published for them. No Vietnamese CSCA is
 * public: the anchors are configuration (PEM or DER files in a directory), never built into the code.
 */
public final class CscaTrustStore {

    private final Set<TrustAnchor> anchors;
    private final List<X509CRL> crls;

    public CscaTrustStore(Collection<X509Certificate> cscas, Collection<X509CRL> crls) {
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate csca : cscas) {
            set.add(new TrustAnchor(csca, null));
        }
        this.anchors = Set.copyOf(set);
        this.crls = List.copyOf(crls);
    }

    /**
     * Loads every certificate ({@code .pem}, {@code .crt}, {@code .cer}, {@code .der}), ICAO master list
     * ({@code .ml}) and CRL ({@code .crl}) of a directory, or one file. Anything unreadable fails the load: a trust store must not be half-read silently.
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
        List<X509Certificate> certificates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : files) {
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                try (InputStream in = Files.newInputStream(file)) {
                    if (name.endsWith(".ml")) {
                        certificates.addAll(MasterList.certificates(in.readAllBytes()));
                    } else if (name.endsWith(".crl")) {
                        for (java.security.cert.CRL crl : factory.generateCRLs(in)) {
                            crls.add((X509CRL) crl);
                        }
                    } else if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")
                            || name.endsWith(".der")) {
                        for (java.security.cert.Certificate c : factory.generateCertificates(in)) {
                            certificates.add((X509Certificate) c);
                        }
                    }
                }
            }
        } catch (CertificateException | CRLException e) {
            throw new IOException("unreadable CSCA trust store file in " + path, e);
        }
        if (certificates.isEmpty()) {
            throw new IOException("no CSCA certificate in " + path);
        }
        return new CscaTrustStore(certificates, crls);
    }

    /**
     * Test CSCAs (the simulator's, whose private key is public) say so in their subject. A realm that has not
     * explicitly allowed them must never trust one, even if its file was copied into the trust store by mistake.
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
        return new CscaTrustStore(production, crls);
    }

    public boolean hasTestAnchors() {
        return anchors.stream().anyMatch(anchor -> isTestAnchor(anchor.getTrustedCert()));
    }

    Set<TrustAnchor> anchors() {
        return anchors;
    }

    List<X509CRL> crls() {
        return crls;
    }

    public int size() {
        return anchors.size();
    }
}
