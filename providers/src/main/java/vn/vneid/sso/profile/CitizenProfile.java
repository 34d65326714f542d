package vn.vneid.sso.profile;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The citizen attributes of the realm's user profile (realm-config/vneid-realm.json), named once for every feature
 * that reads or writes them.
 */
public final class CitizenProfile {

    public static final String FULL_NAME = "fullName";
    public static final String BIRTHDATE = "birthdate";
    public static final String GENDER = "gender";
    public static final String PHONE = "phoneNumber";
    public static final String PHONE_VERIFIED = "phoneNumberVerified";
    public static final String LEVEL = "vneidLevel";
    public static final String PLACE_OF_RESIDENCE = "placeOfResidence";

    /**
     * Set when the login re-check found the bound SIM revoked, locked, ended or someone else's: the old phone can no
     * longer prove anything, so the next binding needs the chip ID card (or an officer's reset at the desk). Not in
     * the user profile, so the admin API can neither see nor write it.
     */
    public static final String PHONE_REBIND_NEEDS_CHIP = "vneidPhoneRebindNeedsChip";

    /**
     * Set by an officer's phone reset to the new number (E.164) the citizen brought to the desk: until a phone is
     * verified again, a binding binds that number only (a code to it), so whoever holds the lost SIM and knows the
     * password cannot bind the old number again. Not in the user profile; removed wherever a phone becomes verified.
     */
    public static final String PHONE_PINNED_BY_DESK = "vneidPhonePinnedByDesk";

    /**
     * Seam for issue #15 (card loss): "true" while the account is locked because the citizen reported the chip ID
     * card lost. Nothing sets it yet; recovery already refuses such an account (issue #17). Like the rebind flag, it is
     * not in the user profile, so only our code paths can write it.
     */
    public static final String CARD_LOST_LOCK = "vneidCardLostLock";

    /** The required action that binds a phone (registry check and code). */
    public static final String VERIFY_PHONE_ACTION = "vneid-verify-phone";

    private CitizenProfile() {
    }

    /** The bound phone in E.164 when it is verified, else null. */
    public static String verifiedPhone(UserModel user) {
        if (user == null || !Boolean.parseBoolean(user.getFirstAttribute(PHONE_VERIFIED))) {
            return null;
        }
        String phone = user.getFirstAttribute(PHONE);
        return phone == null || phone.isBlank() ? null : phone.strip();
    }

    /** The number an officer's reset pinned, while no phone is verified; else null (any number may be bound). */
    public static String pinnedPhone(UserModel user) {
        if (user == null || verifiedPhone(user) != null) {
            return null;
        }
        String pinned = user.getFirstAttribute(PHONE_PINNED_BY_DESK);
        return pinned == null || pinned.isBlank() ? null : pinned.strip();
    }

    /** A phone proven with a code (or by an enrolment): the verified number; an officer's pin has served. */
    public static void markPhoneVerified(UserModel user, String e164) {
        user.setSingleAttribute(PHONE, e164);
        user.setSingleAttribute(PHONE_VERIFIED, "true");
        user.removeAttribute(PHONE_PINNED_BY_DESK);
    }

    /**
     * Decree 69/2024: one phone number belongs to one electronic identification account. True when {@code e164} is
     * the verified number of an account other than {@code except} (null: of any account).
     */
    public static boolean verifiedOnAnotherAccount(KeycloakSession session, RealmModel realm, String e164,
            UserModel except) {
        return session.users().searchForUserByUserAttributeStream(realm, PHONE, e164)
                .anyMatch(other -> (except == null || !other.getId().equals(except.getId()))
                        && Boolean.parseBoolean(other.getFirstAttribute(PHONE_VERIFIED)));
    }

    public static boolean isLockedForCardLoss(UserModel user) {
        return user != null && Boolean.parseBoolean(user.getFirstAttribute(CARD_LOST_LOCK));
    }

    /** Level 2 (mức 2): enrolled in person with the chip ID card. */
    public static boolean isLevelTwo(UserModel user) {
        return user != null && "2".equals(user.getFirstAttribute(LEVEL));
    }
}
