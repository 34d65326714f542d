package vn.vneid.sso.intake;

/**
 * Why one field of a desk's record is refused: the field as the desk named it, a stable code for its program, and the
 * message key (messages_vi / messages_en) a person at the desk reads.
 */
public record RecordProblem(String field, String code, String messageKey) {
}
