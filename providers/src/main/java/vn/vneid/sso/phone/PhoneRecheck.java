package vn.vneid.sso.phone;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.SimCheck;
import vn.vneid.sso.phone.registry.SubscriberRegistries;

/**
 * The one phone-owned check that a verified phone still reaches its citizen, before a code is sent to it: the login's
 * re-check (issue #4) and the recovery (issue #17, where a SIM re-assigned to someone else would otherwise receive
 * the code that resets the account's password).
 */
public final class PhoneRecheck {

    private static final Logger LOG = Logger.getLogger(PhoneRecheck.class);

    private PhoneRecheck() {
    }

    /**
     * Asks the subscriber registry whether the bound phone is still this citizen's usable SIM. When the registry cannot
     * answer, the phone keeps counting: it was verified, and a login must not depend on the registry being up.
     */
    public static boolean stillUsable(KeycloakSession session, String nationalId, String phone) {
        try {
            PhoneNumber number = PhoneNumber.parse(phone);
            return SimCheck.stillUsable(SimCheck.decide(SubscriberRegistries.lookup(session, null, number),
                    nationalId, LocalDate.now(ZoneOffset.UTC), 0));
        } catch (PhoneNumberException e) {
            return false;
        } catch (RegistryUnavailableException e) {
            LOG.debugf("subscriber registry unavailable for the phone re-check: %s", e.getMessage());
            return true;
        }
    }
}
