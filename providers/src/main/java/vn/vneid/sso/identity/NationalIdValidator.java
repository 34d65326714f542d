package vn.vneid.sso.identity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * User-profile validator {@code vneid-national-id} for the attribute holding the personal identification number
 * (the username in the vneid realm). It refuses a malformed number and, when the profile being saved has a birth
 * date or a sex, a number that contradicts them: an operator cannot enrol a citizen whose number says 1985 and
 * whose record says 1986.
 */
public final class NationalIdValidator extends AbstractStringValidator {

    public static final String ID = "vneid-national-id";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        NationalIdNumber number;
        try {
            number = NationalIdNumber.parse(value);
        } catch (NationalIdException e) {
            context.addError(new ValidationError(ID, inputHint, e.reason().messageKey()));
            return;
        }
        if (!(context instanceof UserProfileAttributeValidationContext)) {
            return;
        }
        Attributes attributes = ((UserProfileAttributeValidationContext) context).getAttributeContext().getAttributes();
        number.mismatchWith(birthDate(attributes.getFirst(CitizenProfile.BIRTHDATE)),
                        Gender.fromClaimValue(attributes.getFirst(CitizenProfile.GENDER)).orElse(null))
                .ifPresent(reason -> context.addError(new ValidationError(ID, inputHint, reason.messageKey())));
    }

    /** An unreadable date is the birthdate attribute's own validator's business, not a mismatch. */
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
}
