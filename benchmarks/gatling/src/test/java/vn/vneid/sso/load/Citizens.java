package vn.vneid.sso.load;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The accounts a run logs in with. A virtual user borrows one and gives it back when its login ends, so two logins
 * never share an account (and its phone, where the code is awaited) at the same time.
 */
final class Citizens implements Iterator<Map<String, Object>> {

    static final String PASSWORD = "Bench-Pass-2024!";
    /** Every account of the run is a man born on this day; a chip must carry the same date. */
    static final LocalDate BIRTH_DATE = LocalDate.of(1990, 5, 17);
    /** The level-2 citizens of the chip step-up (issue #14), apart from the level-1 citizens of the login. */
    static final String CHIP_POOL = "vneid-chip";
    /** Stock Keycloak's two-factor accounts (password and TOTP) in the control realm. */
    static final String TWO_FACTOR_POOL = "control-two-factor";

    private final BlockingQueue<Integer> free = new LinkedBlockingQueue<>();
    private final String realm;

    /** @param realm {@code vneid}, the control realm, {@link #CHIP_POOL} or {@link #TWO_FACTOR_POOL} */
    Citizens(String realm, int count) {
        this.realm = realm;
        for (int i = 1; i <= count; i++) {
            free.add(i);
        }
    }

    /** A man born in 1990, registered in Hà Nội (001): his number passes the realm's national-ID rules. */
    static String nationalId(int index) {
        return String.format("001090%06d", index);
    }

    static String phone(int index) {
        return String.format("+8491%07d", index);
    }

    /** Registered in Hồ Chí Minh City (079), so that no level-1 citizen of the run shares the number. */
    static String chipNationalId(int index) {
        return String.format("079090%06d", index);
    }

    static String chipFullName(int index) {
        return "Công Dân Gắn Chip " + index;
    }

    static String chipPhone(int index) {
        return String.format("+8492%07d", index);
    }

    static String stockUsername(int index) {
        return String.format("user%06d", index);
    }

    static String twoFactorUsername(int index) {
        return String.format("totp%06d", index);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        try {
            Integer index = free.poll(10, TimeUnit.MINUTES);
            if (index == null) {
                throw new IllegalStateException("no free account in " + realm + ": raise load.citizens");
            }
            if (CHIP_POOL.equals(realm)) {
                return Map.of("index", index, "username", chipNationalId(index), "phone", chipPhone(index));
            }
            if (TWO_FACTOR_POOL.equals(realm)) {
                return Map.of("index", index, "username", twoFactorUsername(index), "phone", phone(index));
            }
            String username = "vneid".equals(realm) ? nationalId(index) : stockUsername(index);
            return Map.of("index", index, "username", username, "phone", phone(index));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void giveBack(int index) {
        free.add(index);
    }
}
