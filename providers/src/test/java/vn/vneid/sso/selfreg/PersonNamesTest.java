package vn.vneid.sso.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void caseAndBlanksDoNotMatter() {
        assertThat(PersonNames.same("nguyễn   văn an", "Nguyễn Văn An")).isTrue();
        assertThat(PersonNames.same("  NGUYỄN VĂN AN\t", "Nguyễn Văn An")).isTrue();
        assertThat(PersonNames.same("Nguyễn\u00A0Văn An", "Nguyễn Văn An")).isTrue();
        assertThat(PersonNames.same("ĐẶNG THỊ NGỌC ÁNH", "Đặng Thị Ngọc Ánh")).isTrue();
    }

    @Test
    void composedAndDecomposedLettersAreTheSame() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Hòa", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Nguyễn Thị Hòa");
        assertThat(PersonNames.same(decomposed, "Nguyễn Thị Hòa")).isTrue();
    }

    @Test
    void theToneMarksPlaceDoesNotMatter() {
        assertThat(PersonNames.same("Nguyễn Thị Hoà", "Nguyễn Thị Hòa")).isTrue();
        assertThat(PersonNames.same("Lê Thị Thuỷ", "Lê Thị Thủy")).isTrue();
        assertThat(PersonNames.same("Khoẻ", "Khỏe")).isTrue();
    }

    @Test
    void diacriticsMatter() {
        assertThat(PersonNames.same("Nguyen Van An", "Nguyễn Văn An")).isFalse();
        assertThat(PersonNames.same("Phạm Thị Lân", "Phạm Thị Lan")).isFalse();
        assertThat(PersonNames.same("Dặng Thị Ngọc Ánh", "Đặng Thị Ngọc Ánh")).isFalse();
        // Same letters, another tone: another name.
        assertThat(PersonNames.same("Nguyễn Thị Hoá", "Nguyễn Thị Hòa")).isFalse();
        // Same tone, the vowel mark differs (ơ / o).
        assertThat(PersonNames.same("Trần Văn Bính", "Trần Văn Bình")).isFalse();
    }

    @Test
    void everyWordAndItsOrderMatter() {
        assertThat(PersonNames.same("Nguyễn An", "Nguyễn Văn An")).isFalse();
        assertThat(PersonNames.same("Văn An Nguyễn", "Nguyễn Văn An")).isFalse();
        assertThat(PersonNames.same("Nguyễn Văn An Bình", "Nguyễn Văn An")).isFalse();
        assertThat(PersonNames.same("NguyễnVăn An", "Nguyễn Văn An")).isFalse();
    }

    @Test
    void nothingIsNoName() {
        assertThat(PersonNames.same("", "")).isFalse();
        assertThat(PersonNames.same("   ", "Nguyễn Văn An")).isFalse();
        assertThat(PersonNames.same(null, "Nguyễn Văn An")).isFalse();
    }

    @Test
    void tidyCollapsesBlanksAndComposes() {
        assertThat(PersonNames.tidy("  Nguyễn \t Văn\u00A0An ")).isEqualTo("Nguyễn Văn An");
        assertThat(PersonNames.tidy(Normalizer.normalize("Hòa", Normalizer.Form.NFD))).isEqualTo("Hòa");
        assertThat(PersonNames.tidy(null)).isEmpty();
    }
}
