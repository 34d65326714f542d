package vn.vneid.sso.chip;

import vn.vneid.sso.card.CardRules;
import vn.vneid.sso.chip.icao.ChipFailure;

/** How a card-status refusal (issue #15) reads to the app and the citizen. */
final class CardFailures {

    private CardFailures() {
    }

    static ChipFailure of(CardRules.ChipVerdict verdict) {
        switch (verdict) {
            case REPORTED:
                return ChipFailure.CARD_REPORTED;
            case NOT_NEW:
                return ChipFailure.CARD_NOT_NEW;
            case SUPERSEDED:
                return ChipFailure.CARD_SUPERSEDED;
            default:
                throw new IllegalArgumentException(verdict + " is not a refusal");
        }
    }
}
