package vn.vneid.sso.example.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for https://localhost, made once with the JDK's own keytool and kept in the data
 * directory. The realm's FAPI policy refuses a redirect URI that is not https (executor secure-client-uris, at the
 * authorization request), and http://localhost is no exception there, so even this local example serves its pages
 * over TLS. The browser warns once about the certificate; a real service has a real one.
 */
final class SelfSignedTls {

    /** Protects a development key store under .dev/ that nobody else reads: not a secret. */
    private static final char[] STORE_PASSWORD = "portal-example".toCharArray();
    private static final String ALIAS = "portal-example";

    private final KeyStore store;

    private SelfSignedTls(KeyStore store) {
        this.store = store;
    }

    static SelfSignedTls loadOrCreate(Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            generate(file);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
        return new SelfSignedTls(store);
    }

    private static void generate(Path file) throws IOException {
        // keytool is in every JDK; calling it keeps the example free of a certificate library.
        Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "825",
                "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the TLS certificate", e);
        }
    }

    SSLContext sslContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    X509Certificate certificate() throws GeneralSecurityException {
        return (X509Certificate) store.getCertificate(ALIAS);
    }
}
