package vn.vneid.sso.recovery;

import java.util.concurrent.ExecutorService;

import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import vn.vneid.sso.phone.PhoneMask;
import vn.vneid.sso.phone.PhoneRecheck;
import vn.vneid.sso.sms.SmsException;
import vn.vneid.sso.sms.SmsGateway;

/**
 * Recovery messages leave after the request's transaction committed, on a worker thread. Two reasons (issue #17):
 * the page for an ID with an account must come back as fast as for one without (a gateway's latency would tell them
 * apart), and the notice of a changed password must go only once the change is stored. A failed send is logged,
 * without number or text, and never changes what the citizen sees.
 */
final class RecoverySms {

    private static final Logger LOG = Logger.getLogger(RecoverySms.class);
    private static final String EXECUTOR = "vneid-recovery-sms";

    private RecoverySms() {
    }

    /**
     * @param gatewayId the SMS gateway provider id, or null for the server's default
     * @param recheckFor the national ID whose SIM {@code to} must still be (the registry is asked on the worker, so
     *                   its latency tells nothing either), or null to send without asking
     */
    static void sendAfterCommit(KeycloakSession session, String gatewayId, String to, String text,
            String recheckFor) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = session.getContext().getRealm().getId();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                executor.execute(() -> send(factory, realmId, gatewayId, to, text, recheckFor));
            }

            @Override
            protected void rollbackImpl() {
                // nothing was stored: nothing is announced
            }
        });
    }

    private static void send(KeycloakSessionFactory factory, String realmId, String gatewayId, String to,
            String text, String recheckFor) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                session.getContext().setRealm(realm);
                if (recheckFor != null && !PhoneRecheck.stillUsable(session, recheckFor, to)) {
                    // Issue #17: a SIM revoked or re-assigned since it was verified gets no recovery code; the next
                    // login's re-check makes the citizen bind a phone of their own.
                    LOG.infof("recovery SMS for realm %s to %s not sent: the registry says the bound SIM is no longer"
                            + " the account's", realmId, PhoneMask.mask(to));
                    return;
                }
                SmsGateway gateway = gatewayId == null
                        ? session.getProvider(SmsGateway.class)
                        : session.getProvider(SmsGateway.class, gatewayId);
                if (gateway == null) {
                    LOG.warnf("recovery SMS for realm %s not sent: no SMS gateway '%s'", realmId, gatewayId);
                    return;
                }
                try {
                    gateway.send(to, text);
                } catch (SmsException e) {
                    LOG.warnf("recovery SMS for realm %s not sent: %s", realmId, e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("recovery SMS for realm %s not sent: unexpected %s", realmId, e.getClass().getSimpleName());
        }
    }
}
