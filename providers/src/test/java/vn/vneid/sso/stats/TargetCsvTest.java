package vn.vneid.sso.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TargetCsvTest {

    static final String HEADER = "unitKind,unitCode,period,level1Records,level2Records,activations,eligible\n";
    static final Set<String> UNITS = Set.of("PROVINCE:40", "COMMUNE:28411");

    @Test
    void readsGoodLines() {
        TargetCsv.Result r = TargetCsv.parse(HEADER + "PROVINCE,40,2023,0,1708473,1708473,2600000\n"
                + "commune, 28411 ,2023-Q4,0,7000,7000,13869\n", UNITS::contains, 100);
        assertThat(r.problems()).isEmpty();
        assertThat(r.rows()).extracting(TargetCsv.Row::unitId).containsExactly("PROVINCE:40", "COMMUNE:28411");
        assertThat(r.rows().get(1).target()).isEqualTo(new UnitTarget(0, 7000, 7000, 13869));
    }

    @Test
    void eachBadLineIsReportedWithItsLineAndField() {
        TargetCsv.Result r = TargetCsv.parse(HEADER
                + "PROVINCE,41,2023,0,1,1,1\n"
                + "REGION,40,2023,0,1,1,1\n"
                + "PROVINCE,40,2023-13,0,1,1,1\n"
                + "PROVINCE,40,2023,-1,1.5,=1+1,300000000\n"
                + "PROVINCE,40,2023,0,1,1\n"
                + "PROVINCE,40,2024,0,1,1,1\n"
                + "PROVINCE,40,2024,0,2,2,2\n", UNITS::contains, 100);
        assertThat(r.problems()).extracting(p -> p.line() + ":" + p.field() + ":" + p.error()).containsExactly(
                "2:unitCode:unknown_unit", "3:unitKind:unknown_kind", "4:period:bad_period",
                "5:level1Records:bad_number", "5:level2Records:bad_number", "5:activations:bad_number",
                "5:eligible:bad_number", "6:null:column_count", "8:null:duplicate");
    }

    @Test
    void wrongHeaderEmptyFileAndTooManyLines() {
        assertThat(TargetCsv.parse("unit,period\n", UNITS::contains, 100).problems())
                .extracting(RowProblem::error).containsExactly("header");
        assertThat(TargetCsv.parse(HEADER, UNITS::contains, 100).problems())
                .extracting(RowProblem::error).containsExactly("empty");
        assertThat(TargetCsv.parse(HEADER + "PROVINCE,40,2023,0,1,1,1\nPROVINCE,40,2024,0,1,1,1\n",
                UNITS::contains, 1).problems()).extracting(RowProblem::error).containsExactly("too_many_rows");
    }
}
