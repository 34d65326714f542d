package vn.vneid.sso.card;

import java.util.Locale;

/**
 * What the police system reports about a chip ID card (issue #15). Each locks the account's level 2 until a new card
 * is bound by a chip step-up. There is deliberately no "found again" status: a card once reported never proves level
 * 2 again (see README, "Card status lock").
 */
public enum CardStatus {
    /** Reported lost or stolen by the citizen. */
    LOST,
    /** A new card was issued in its place (renewal, damage, change of data). */
    REPLACED,
    /** Withdrawn by the police (e.g. obtained by fraud, holder deceased). */
    REVOKED;

    /** @return the status, or null when the text names none of ours */
    public static CardStatus parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The message key that tells the citizen why level 2 is locked. */
    public String messageKey() {
        return "cardLock" + name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
