package vn.vneid.sso.phone;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.SimCheck;
import vn.vneid.sso.phone.registry.SubscriberRegistries;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * The telecom registry's verdict on a number for a citizen, with the verify-phone action's settings (registry,
 * minimum validity): the binding step asks it, and so does an officer's reset for the number the citizen brings.
 */
public final class RegistryVerdict {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private RegistryVerdict() {
    }

    /** With the realm's verify-phone settings, as an officer's reset asks. */
    public static SimCheck.Verdict of(KeycloakSession session, RealmModel realm, UserModel citizen,
            PhoneNumber number, Clock clock) throws RegistryUnavailableException {
        return of(session, VerifyPhoneConfig.of(
                realm.getRequiredActionConfigByAlias(CitizenProfile.VERIFY_PHONE_ACTION)), citizen, number, clock);
    }

    static SimCheck.Verdict of(KeycloakSession session, VerifyPhoneConfig config, UserModel citizen,
            PhoneNumber number, Clock clock) throws RegistryUnavailableException {
        return SimCheck.decide(SubscriberRegistries.lookup(session, config.registry(), number), citizen.getUsername(),
                LocalDate.now(clock.withZone(VIETNAM)), config.minValidDays());
    }
}
