import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Synthetic citizens, their accounts and their enrolment records for the benchmarks (issue #15 part 6, issue #14's
 * login at a million citizens), written as CSV for PostgreSQL's COPY. Run with the JDK alone
 * ({@code java GenerateCitizens.java MODE ...}); load-million.sh pipes it. Deterministic: the same arguments give the
 * same citizens in every mode, so a record, its events and its account agree.
 *
 * <pre>
 * units      PROVINCE DISTRICTS COMMUNES_PER_DISTRICT                 VNEID_ADMIN_UNIT rows (ID,KIND,CODE,NAME,PARENT_ID)
 * records    REALM_ID PROVINCE DISTRICTS COMMUNES_PER_DISTRICT COUNT  VNEID_ENROLMENT_RECORD rows
 * events     REALM_ID PROVINCE DISTRICTS COMMUNES_PER_DISTRICT COUNT  VNEID_RECORD_STATUS_EVENT rows
 * users      REALM_ID PROVINCE DISTRICTS COMMUNES_PER_DISTRICT COUNT  Keycloak USER_ENTITY rows
 *            (ID,EMAIL_CONSTRAINT,EMAIL_VERIFIED,ENABLED,REALM_ID,USERNAME,CREATED_TIMESTAMP,NOT_BEFORE)
 * attributes REALM_ID PROVINCE DISTRICTS COMMUNES_PER_DISTRICT COUNT  Keycloak USER_ATTRIBUTE rows (ID,NAME,VALUE,USER_ID)
 * </pre>
 *
 * Every citizen has an account, as the records' desks or self-registration made it: enabled once the record is
 * activated (at the level it asked for), disabled before (level 1). Accounts get ids starting with "bench-user-" and
 * units codes starting with "X" (never a General Statistics Office code), so neither collides with real ones.
 * National numbers are unique up to a million citizens per province.
 */
public final class GenerateCitizens {

    static final long FROM = LocalDate.of(2023, 1, 1).atStartOfDay(ZoneOffset.ofHours(7)).toInstant().toEpochMilli();
    static final long SPAN = 3L * 365 * 24 * 3600 * 1000;
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"};
    static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Minh", "Ngọc"};

    public static void main(String[] args) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        switch (args[0]) {
            case "units" -> units(out, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "records", "events", "users", "attributes" -> rows(out, args[0], args[1], args[2],
                    Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        out.flush();
    }

    static String district(String province, int d) {
        return String.format("X%s%02d", province, d);
    }

    static String commune(String province, int d, int c) {
        return String.format("X%s%02d%03d", province, d, c);
    }

    static void units(BufferedWriter out, String province, int districts, int communes) throws IOException {
        for (int d = 1; d <= districts; d++) {
            String dc = district(province, d);
            out.write("DISTRICT:" + dc + ",DISTRICT," + dc + ",Huyện thử " + d + ",PROVINCE:" + province + "\n");
            for (int c = 1; c <= communes; c++) {
                String cc = commune(province, d, c);
                out.write("COMMUNE:" + cc + ",COMMUNE," + cc + ",Xã thử " + d + "-" + c + ",DISTRICT:" + dc + "\n");
            }
        }
    }

    /** One synthetic citizen and the record a desk sent for them. */
    record Citizen(int index, String recordId, String userId, String nationalId, String name, LocalDate birth,
            boolean male, String phone, int level, String commune, String status, long received, long updated) {
    }

    static void rows(BufferedWriter out, String mode, String realm, String province, int districts, int communes,
            int count) throws IOException {
        SplittableRandom random = new SplittableRandom(20231206L);
        for (int i = 1; i <= count; i++) {
            Citizen c = draw(random, i, province, districts, communes);
            switch (mode) {
                case "records" -> out.write(String.join(",", c.recordId(), realm, "bench-desk", "b" + i,
                        c.nationalId(), c.name(), c.birth().toString(), c.male() ? "male" : "female", c.phone(),
                        String.valueOf(c.level()), "COMMUNE:" + c.commune(), c.status(), String.format("%064x", i),
                        String.valueOf(c.received()), String.valueOf(c.updated())) + "\n");
                case "events" -> {
                    out.write(String.format("bench-e1-%027d,%s,RECEIVED,,bench-desk,%d%n", i, c.recordId(),
                            c.received()));
                    if (!c.status().equals("RECEIVED")) {
                        out.write(String.format("bench-e2-%027d,%s,%s,%s,bench-desk,%d%n", i, c.recordId(),
                                c.status(), c.status().equals("REJECTED") ? "Ảnh không rõ" : "", c.updated()));
                    }
                }
                case "users" -> {
                    // Keycloak keeps EMAIL_CONSTRAINT unique per realm and fills it with the id when there is no email.
                    boolean active = c.status().equals("ACTIVATED");
                    out.write(String.join(",", c.userId(), c.userId(), "false", String.valueOf(active), realm,
                            c.nationalId(), String.valueOf(c.received()), "0") + "\n");
                }
                case "attributes" -> {
                    boolean active = c.status().equals("ACTIVATED");
                    attribute(out, i, 1, c, "fullName", c.name());
                    attribute(out, i, 2, c, "birthdate", c.birth().toString());
                    attribute(out, i, 3, c, "gender", c.male() ? "male" : "female");
                    attribute(out, i, 4, c, "vneidLevel", active ? String.valueOf(c.level()) : "1");
                    attribute(out, i, 5, c, "phoneNumber", c.phone());
                    attribute(out, i, 6, c, "phoneNumberVerified", String.valueOf(active));
                }
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    static void attribute(BufferedWriter out, int i, int n, Citizen c, String name, String value) throws IOException {
        out.write(String.format("bench-attr-%d-%023d,%s,%s,%s%n", n, i, name, value, c.userId()));
    }

    /** Every draw happens for every citizen in every mode, so that the modes agree. */
    static Citizen draw(SplittableRandom random, int i, String province, int districts, int communes) {
        int d = 1 + random.nextInt(districts);
        int c = 1 + random.nextInt(communes);
        int level = random.nextInt(100) < 30 ? 1 : 2;
        int s = random.nextInt(100);
        String status = s < 70 ? "ACTIVATED" : s < 80 ? "APPROVED" : s < 90 ? "PENDING_APPROVAL"
                : s < 95 ? "RECEIVED" : "REJECTED";
        long received = FROM + (long) (random.nextDouble() * SPAN);
        long updated = status.equals("RECEIVED") ? received : received + random.nextInt(60 * 24 * 3600) * 1000L;
        int year = 1940 + random.nextInt(70);
        boolean male = random.nextBoolean();
        String name = FAMILY[random.nextInt(FAMILY.length)] + " Văn " + GIVEN[random.nextInt(GIVEN.length)];
        LocalDate birth = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        // 12 digits: province, century and sex, year, then a serial that is the citizen's index
        String nationalId = String.format("0%s%d%02d%06d", province.length() == 2 ? province : "40",
                (year >= 2000 ? 2 : 0) + (male ? 0 : 1), year % 100, i % 1_000_000);
        return new Citizen(i, String.format("bench-%030d", i), String.format("bench-user-%025d", i), nationalId,
                name, birth, male, String.format("+8498%07d", i % 10_000_000), level, commune(province, d, c),
                status, received, updated);
    }
}
