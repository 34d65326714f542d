package vn.vneid.sso.chip.icao;

/** A chip that failed verification; the reason is precise, the message holds no personal data. */
public final class ChipVerificationException extends Exception {

    private final ChipFailure failure;

    public ChipVerificationException(ChipFailure failure, String detail) {
        super(failure.name() + (detail == null ? "" : ": " + detail));
        this.failure = failure;
    }

    public ChipVerificationException(ChipFailure failure, String detail, Throwable cause) {
        super(failure.name() + (detail == null ? "" : ": " + detail), cause);
        this.failure = failure;
    }

    public ChipFailure failure() {
        return failure;
    }
}
