package vn.vneid.sso.chip;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

import vn.vneid.sso.chip.icao.CscaTrustStore;

/**
 * The realm's CSCA trust anchors, read from the directory named by the realm attribute {@code vneid.chip.csca-path}
 * (relative paths under the server's conf/ directory). Loaded once per path and kept; re-read at most every few
 * minutes so that an operator adding a CSCA or a CRL does not need a restart, never on every login.
 */
final class CscaTrustStores {

    static final String REALM_ATTRIBUTE = "vneid.chip.csca-path";
    /** Only the demo realm sets this: it lets the chip simulator's test CSCA be trusted. */
    static final String ALLOW_TEST_CSCA = "vneid.chip.allow-test-csca";
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(CscaTrustStores.class);

    private record Loaded(CscaTrustStore store, Instant at) {
    }

    private static final Map<Path, Loaded> CACHE = new ConcurrentHashMap<>();

    private CscaTrustStores() {
    }

    /** @throws IOException when the realm has no trust store configured or it cannot be read */
    static CscaTrustStore forRealm(RealmModel realm) throws IOException {
        String configured = realm.getAttribute(REALM_ATTRIBUTE);
        if (configured == null || configured.isBlank()) {
            throw new IOException("realm " + realm.getName() + " has no " + REALM_ATTRIBUTE);
        }
        Path path = Paths.get(configured.strip());
        if (!path.isAbsolute()) {
            path = Paths.get(System.getProperty("kc.home.dir", "."), "conf").resolve(path);
        }
        Path key = path.toAbsolutePath().normalize();
        Loaded loaded = CACHE.get(key);
        if (loaded == null || loaded.at().plus(REFRESH).isBefore(Instant.now())) {
            CscaTrustStore store;
            try {
                store = CscaTrustStore.load(key);
            } catch (IOException e) {
                if (loaded == null) {
                    throw e;
                }
                // A store that read well once stays in use while its files are being replaced.
                LOG.warnf("CSCA trust store %s not re-read (%s); keeping the previous one", key, e.getMessage());
                store = loaded.store();
            }
            if (loaded == null) {
                LOG.infof("CSCA trust store for realm %s: %d anchors from %s", realm.getName(), store.size(), key);
                if (store.hasTestAnchors()) {
                    LOG.warnf("%s holds a TEST CSCA; it is trusted only by realms with %s=true", key,
                            ALLOW_TEST_CSCA);
                }
            }
            loaded = new Loaded(store, Instant.now());
            CACHE.put(key, loaded);
        }
        CscaTrustStore store = loaded.store();
        if (!store.hasTestAnchors()) {
            return store;
        }
        if (Boolean.parseBoolean(realm.getAttribute(ALLOW_TEST_CSCA))) {
            LOG.debugf("realm %s trusts a TEST CSCA (%s=true): demo and tests only", realm.getName(), ALLOW_TEST_CSCA);
            return store;
        }
        return store.withoutTestAnchors();
    }
}
