package vn.vneid.sso.limit;

/**
 * One fixed-window counter: {@code slots} entries named {@code key.0 .. key.(slots-1)}, each taken once and expiring
 * with the window ({@code ttlSeconds}). The window is part of the key, so the next window is a new counter.
 *
 * @param limit what refuses when every slot is taken (the caller's own enum)
 */
public record WindowCounter<L>(L limit, String key, int slots, long ttlSeconds) {
}
