package vn.vneid.sso.approval;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import vn.vneid.sso.kc.KcAdminAccess;
import vn.vneid.sso.otp.CodeHashKey;

/**
 * Mounts {@link ApprovalQueueResource} under the admin API, {@code /admin/realms/{realm}/vneid-approval}, beside the
 * officer desk. Server options {@code --spi-admin-realm-restapi-extension--vneid-approval--}{@code
 * activation-code-length} (8), {@code activation-code-ttl-hours} (168), {@code activation-max-resends} (3),
 * {@code activation-resend-cooldown-seconds} (60), {@code sms-gateway} (the server's default),
 * {@code activation-code-key-file} (the key of the codes' hashes, see {@link CodeHashKey}; without it a production
 * server does not start, start-dev warns and hashes unkeyed).
 */
public final class ApprovalQueueResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-approval";
    static final String CODE_KEY_FILE = "activation-code-key-file";

    private ApprovalConfig config = ApprovalConfig.defaults();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth,
                    AdminEventBuilder adminEvent) {
                return new ApprovalQueueResource(s, realm, new KcAdminAccess(auth, adminEvent), config,
                        Clock.systemUTC());
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope scope) {
        String gateway = scope.get("sms-gateway");
        config = new ApprovalConfig(
                bounded(scope.getInt("activation-code-length", ApprovalConfig.DEFAULT_CODE_LENGTH), 6, 10,
                        ApprovalConfig.DEFAULT_CODE_LENGTH),
                Duration.ofHours(bounded(scope.getInt("activation-code-ttl-hours", ApprovalConfig.DEFAULT_TTL_HOURS),
                        1, 720, ApprovalConfig.DEFAULT_TTL_HOURS)),
                bounded(scope.getInt("activation-max-resends", ApprovalConfig.DEFAULT_MAX_RESENDS), 0, 10,
                        ApprovalConfig.DEFAULT_MAX_RESENDS),
                Duration.ofSeconds(bounded(scope.getInt("activation-resend-cooldown-seconds",
                        ApprovalConfig.DEFAULT_RESEND_COOLDOWN_SECONDS), 0, 86_400,
                        ApprovalConfig.DEFAULT_RESEND_COOLDOWN_SECONDS)),
                gateway == null || gateway.isBlank() ? null : gateway.strip(),
                codeKey(scope));
        if (config.codeKey() == null) {
            String missing = String.format("Activation codes would be hashed without a server key: a copy of the"
                    + " database would be enough to find them. Set --spi-admin-realm-restapi-extension--%s--%s to a"
                    + " file of at least %d random characters (the same on every node).", PROVIDER_ID, CODE_KEY_FILE,
                    CodeHashKey.MIN_LENGTH);
            // A production server does not start without it; start-dev (a developer's machine) only warns.
            if (!Environment.isDevMode()) {
                throw new IllegalStateException(missing);
            }
            Logger.getLogger(getClass()).warn(missing);
        }
    }

    private static CodeHashKey codeKey(Config.Scope scope) {
        String file = scope.get(CODE_KEY_FILE);
        return file == null || file.isBlank() ? null : CodeHashKey.read(Path.of(file.strip()));
    }

    /** The key this server hashes activation codes with, or null: for the activation page, which checks them. */
    public static CodeHashKey codeKey(KeycloakSession session) {
        var factory = session.getKeycloakSessionFactory().getProviderFactory(AdminRealmResourceProvider.class,
                PROVIDER_ID);
        return factory instanceof ApprovalQueueResourceProviderFactory approval ? approval.config.codeKey() : null;
    }

    /** A value outside its range falls back to the safe default rather than to the nearest bound. */
    private static int bounded(int value, int min, int max, int fallback) {
        return value < min || value > max ? fallback : value;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
