package vn.vneid.sso.card;

/**
 * The audit of the card status lock (issue #15): a user event of type UPDATE_PROFILE with the detail {@code
 * vneid_card} = {@code locked}, {@code status_updated} (police intake), {@code bind}, {@code rebind}, {@code unlock}
 * (chip step-up), and {@code card_status}; a refused card is a LOGIN_ERROR {@code vneid_card_refused} with a reason.
 * No detail carries the national ID, the police's reason text or a card key.
 */
public final class CardEvents {

    public static final String DETAIL = "vneid_card";
    public static final String STATUS = "card_status";
    public static final String REFUSED = "vneid_card_refused";

    private CardEvents() {
    }
}
