package vn.vneid.sso.chip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import vn.vneid.sso.chip.icao.CscaTrustStore;

/**
 * The server's CSCA trust anchors: the production directory ({@code csca-path}) and, only when the server is started
 * for development or tests with {@code allow-test-csca=true}, the chip simulator's test CSCA directory. Both are
 * server options, never realm attributes (issue #11): a realm administrator cannot make a test key, whose private
 * half is public, vouch for a citizen. Loaded once and re-read at most every few minutes, so that an operator adding
 * a CSCA or a CRL does not need a restart, never on every chip.
 */
final class CscaTrustStores {

    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(CscaTrustStores.class);

    private final Path productionPath;
    private final Path testPath;
    private final Clock clock;
    private volatile CscaTrustStore loaded;
    private volatile Instant loadedAt = Instant.MIN;

    /** @param testPath the test CSCA directory, or null when the server does not allow test trust */
    CscaTrustStores(Path productionPath, Path testPath, Clock clock) {
        this.productionPath = productionPath;
        this.testPath = testPath;
        this.clock = clock;
    }

    /** A path of the options: relative paths are under the server's conf/ directory. */
    static Path underConf(String configured) {
        Path path = Paths.get(configured.strip());
        if (!path.isAbsolute()) {
            path = Paths.get(System.getProperty("kc.home.dir", "."), "conf").resolve(path);
        }
        return path.toAbsolutePath().normalize();
    }

    boolean allowsTestAnchors() {
        return testPath != null;
    }

    /** @throws IOException when no anchor at all can be read */
    CscaTrustStore current() throws IOException {
        CscaTrustStore store = loaded;
        if (store != null && loadedAt.plus(REFRESH).isAfter(clock.instant())) {
            return store;
        }
        synchronized (this) {
            if (loaded != null && loadedAt.plus(REFRESH).isAfter(clock.instant())) {
                return loaded;
            }
            try {
                CscaTrustStore fresh = read();
                if (loaded == null) {
                    LOG.infof("CSCA trust store: %d anchors from %s%s", fresh.size(), productionPath,
                            testPath == null ? "" : " and the TEST CSCAs of " + testPath + " (development only)");
                }
                loaded = fresh;
            } catch (IOException e) {
                if (loaded == null) {
                    throw e;
                }
                // A store that read well once stays in use while its files are being replaced.
                LOG.warnf("CSCA trust store not re-read (%s); keeping the previous one", e.getMessage());
            }
            loadedAt = clock.instant();
            return loaded;
        }
    }

    private CscaTrustStore read() throws IOException {
        List<CscaTrustStore> parts = new ArrayList<>();
        IOException productionFailure = null;
        try {
            CscaTrustStore production = CscaTrustStore.load(productionPath);
            if (production.hasTestAnchors()) {
                LOG.warnf("%s holds a TEST CSCA; it is ignored (test trust is a development server option)",
                        productionPath);
            }
            parts.add(production.withoutTestAnchors());
        } catch (IOException e) {
            productionFailure = e;
        }
        if (testPath != null && Files.exists(testPath)) {
            parts.add(CscaTrustStore.load(testPath));
        }
        CscaTrustStore union = CscaTrustStore.union(parts);
        if (union.size() == 0) {
            throw productionFailure != null ? productionFailure : new IOException("no CSCA certificate configured");
        }
        return union;
    }
}
