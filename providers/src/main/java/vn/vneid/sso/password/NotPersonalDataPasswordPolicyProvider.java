package vn.vneid.sso.password;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

import vn.vneid.sso.profile.CitizenProfile;

/**
 * The realm's password policy {@code vneidNotPersonalData} (issue #17): Keycloak's adapter over
 * {@link PersonalDataRule}. Every way Keycloak sets a password (recovery, the update-password action, activation, an
 * administrator's reset) goes through the realm's policy, so all of them refuse the same passwords.
 */
final class NotPersonalDataPasswordPolicyProvider implements PasswordPolicyProvider {

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        if (user == null) {
            return null;
        }
        Optional<PersonalDataRule.Finding> finding = PersonalDataRule.check(password, user.getUsername(),
                birthDate(user.getFirstAttribute(CitizenProfile.BIRTHDATE)), user.getFirstAttribute(CitizenProfile.PHONE));
        return finding.map(f -> new PolicyError(f.messageKey())).orElse(null);
    }

    /** Without an account there is nothing personal to compare with (the username alone is notUsername's job). */
    @Override
    public PolicyError validate(String user, String password) {
        Optional<PersonalDataRule.Finding> finding = PersonalDataRule.check(password, user, null, null);
        return finding.map(f -> new PolicyError(f.messageKey())).orElse(null);
    }

    private static LocalDate birthDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public Object parseConfig(String value) {
        return null;
    }

    @Override
    public void close() {
    }
}
