package vn.vneid.sso.stats;

/**
 * What is wrong with one line of an imported CSV file. {@code error} is a stable code; the message key
 * {@code statsImport_<error>} says it to people (vi, en).
 */
public record RowProblem(int line, String field, String error) {
}
