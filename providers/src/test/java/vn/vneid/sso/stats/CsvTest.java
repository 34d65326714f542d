package vn.vneid.sso.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void textThatASpreadsheetWouldRunIsDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("Phường Đông Vĩnh")).isEqualTo("Phường Đông Vĩnh");
    }

    @Test
    void numbersStayNumbersAndNullIsEmpty() {
        assertThat(Csv.line(Arrays.asList(-3L, new BigDecimal("139.93"), null, "a,b")))
                .isEqualTo("-3,139.93,,\"a,b\"\r\n");
    }

    @Test
    void parsesQuotesLineEndsAndBom() {
        List<List<String>> lines = Csv.parse("\uFEFFa,\"b,\"\"c\"\"\"\r\n\r\nx,y\n");
        assertThat(lines).containsExactly(List.of("a", "b,\"c\""), List.of(), List.of("x", "y"));
    }
}
