import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Synthetic citizens and their enrolment records for the statistics benchmark (issue #15 part 6), written as CSV for
 * PostgreSQL's COPY. Run with the JDK alone ({@code java GenerateCitizens.java MODE ...}); load-million.sh pipes it.
 * Deterministic: the same arguments give the same rows, so the records and their events agree.
 *
 * <pre>
 * units   PROVINCE DISTRICTS COMMUNES_PER_DISTRICT                 VNEID_ADMIN_UNIT rows (ID,KIND,CODE,NAME,PARENT_ID)
 * records REALM_ID PROVINCE DISTRICTS COMMUNES_PER_DISTRICT COUNT  VNEID_ENROLMENT_RECORD rows
 * events  REALM_ID PROVINCE DISTRICTS COMMUNES_PER_DISTRICT COUNT  VNEID_RECORD_STATUS_EVENT rows
 * </pre>
 *
 * Units get codes starting with "X" (never a General Statistics Office code) so they cannot collide with real ones.
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
            case "records", "events" -> rows(out, args[0].equals("events"), args[1], args[2],
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

    static void rows(BufferedWriter out, boolean events, String realm, String province, int districts, int communes,
            int count) throws IOException {
        SplittableRandom random = new SplittableRandom(20231206L);
        for (int i = 1; i <= count; i++) {
            int d = 1 + random.nextInt(districts);
            int c = 1 + random.nextInt(communes);
            int level = random.nextInt(100) < 30 ? 1 : 2;
            int s = random.nextInt(100);
            String status = s < 70 ? "ACTIVATED" : s < 80 ? "APPROVED" : s < 90 ? "PENDING_APPROVAL"
                    : s < 95 ? "RECEIVED" : "REJECTED";
            long received = FROM + (long) (random.nextDouble() * SPAN);
            long updated = status.equals("RECEIVED") ? received : received + random.nextInt(60 * 24 * 3600) * 1000L;
            // every draw happens in both modes, so that a record and its events agree
            int year = 1940 + random.nextInt(70);
            boolean male = random.nextBoolean();
            String name = FAMILY[random.nextInt(FAMILY.length)] + " Văn " + GIVEN[random.nextInt(GIVEN.length)];
            LocalDate birth = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            String id = String.format("bench-%030d", i);
            if (events) {
                out.write(String.format("bench-e1-%027d,%s,RECEIVED,,bench-desk,%d%n", i, id, received));
                if (!status.equals("RECEIVED")) {
                    out.write(String.format("bench-e2-%027d,%s,%s,%s,bench-desk,%d%n", i, id, status,
                            status.equals("REJECTED") ? "Ảnh không rõ" : "", updated));
                }
                continue;
            }
            String nationalId = String.format("0%s%d%02d%06d", province.length() == 2 ? province : "40",
                    (year >= 2000 ? 2 : 0) + (male ? 0 : 1), year % 100, i % 1_000_000);
            out.write(String.join(",", id, realm, "bench-desk", "b" + i, nationalId, name,
                    birth.toString(),
                    male ? "male" : "female", String.format("+8491%07d", i % 10_000_000), String.valueOf(level),
                    "COMMUNE:" + commune(province, d, c), status, String.format("%064x", i), String.valueOf(received),
                    String.valueOf(updated)));
            out.write('\n');
        }
    }
}
