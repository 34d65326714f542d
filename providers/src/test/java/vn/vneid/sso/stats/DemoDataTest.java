package vn.vneid.sso.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DemoDataTest {

    static final Path DEMO = Path.of("../realm-config/demo/stats");

    @Test
    void theShippedDemoFilesParseCleanly() throws Exception {
        DemoData.Parsed<DemoData.Unit> units = DemoData.units(Files.readString(DEMO.resolve("units.csv")));
        assertThat(units.problems()).isEmpty();
        assertThat(units.rows()).extracting(DemoData.Unit::id).contains("COMMUNE:28411", "DISTRICT:412");
        assertThat(units.rows()).filteredOn(u -> u.code().equals("28411")).singleElement()
                .extracting(DemoData.Unit::parentId).isEqualTo("DISTRICT:819");
        DemoData.Parsed<DemoData.Cohort> cohorts = DemoData.cohorts(Files.readString(DEMO.resolve("records.csv")));
        assertThat(cohorts.problems()).isEmpty();
        assertThat(TargetCsv.parse(Files.readString(DEMO.resolve("targets.csv")), id -> true, 100).problems())
                .isEmpty();
    }

    @Test
    void badCohortLines() {
        DemoData.Parsed<DemoData.Cohort> c = DemoData.cohorts(String.join(",", DemoData.COHORT_HEADER) + "\n"
                + "2841,3,DONE,0,2023-02-30,2023-01-01\n" + "28411,2,APPROVED,5,2023-05-02,2023-05-01\n");
        assertThat(c.problems()).extracting(p -> p.line() + ":" + p.field() + ":" + p.error()).containsExactly(
                "2:communeCode:unknown_unit", "2:level:bad_level", "2:status:bad_status", "2:count:bad_number",
                "2:receivedOn:bad_date", "3:updatedOn:bad_date");
    }
}
