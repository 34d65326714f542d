package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrzTest {

    @Test
    void checkDigitMatchesIcaoExample() {
        // ICAO 9303 part 3 example document number.
        assertThat(Mrz.checkDigit("L898902C3")).isEqualTo(6);
        assertThat(Mrz.checkDigit("740812")).isEqualTo(2);
        assertThat(Mrz.checkDigit("<<<")).isZero();
    }

    @Test
    void compositeCheckDigitMatchesIcaoTd1Example() {
        // ICAO 9303 part 5 TD1 specimen (Anna Maria Eriksson): composite check digit 6.
        String line1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
        String line2 = "7408122F1204159UTO<<<<<<<<<<<6";
        assertThat(Mrz.compositeCheckDigit(line1, line2)).isEqualTo(6);
    }

    @Test
    void td1OfNguyenVanAn() {
        String td1 = Mrz.td1(Citizen.demo("001085012345"));

        assertThat(td1).hasSize(90);
        assertThat(Mrz.lines(td1)).containsExactly(
                "IDVNM0850123452001085012345<3<",
                "8503024M4503026VNM<<<<<<<<<<<0",
                "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<");
    }

    @Test
    void td1OfAWoman() {
        assertThat(Mrz.lines(Mrz.td1(Citizen.demo("040192004321")))).containsExactly(
                "IDVNM1920043218040192004321<0<",
                "9207156F3207154VNM<<<<<<<<<<<4",
                "TRAN<<THI<BICH<NGOC<<<<<<<<<<<");
    }

    @Test
    void everyDemoCitizenHasConsistentCheckDigits() {
        for (Citizen citizen : Citizen.demo()) {
            String[] l = Mrz.lines(Mrz.td1(citizen));
            assertThat(l[0]).hasSize(30).startsWith("IDVNM");
            assertThat(l[0].substring(5, 14)).isEqualTo(citizen.nationalId().substring(3));
            assertThat(digit(l[0], 14)).isEqualTo(Mrz.checkDigit(l[0].substring(5, 14)));
            assertThat(l[0].substring(15, 27)).isEqualTo(citizen.nationalId());
            assertThat(digit(l[0], 28)).isEqualTo(Mrz.checkDigit(citizen.nationalId()));
            assertThat(digit(l[1], 6)).isEqualTo(Mrz.checkDigit(l[1].substring(0, 6)));
            assertThat(digit(l[1], 14)).isEqualTo(Mrz.checkDigit(l[1].substring(8, 14)));
            assertThat(digit(l[1], 29)).isEqualTo(Mrz.compositeCheckDigit(l[0], l[1]));
            assertThat(l[2]).hasSize(30).matches("[A-Z<]+");
        }
    }

    @Test
    void namesLoseTheirDiacriticsAndDBecomesD() {
        assertThat(Mrz.name("Nguyễn Văn An")).isEqualTo("NGUYEN<<VAN<AN");
        assertThat(Mrz.name("Đặng Thị Ánh Tuyết")).isEqualTo("DANG<<THI<ANH<TUYET");
        assertThat(Mrz.name("Trương Ưu Đàm")).isEqualTo("TRUONG<<UU<DAM");
        assertThat(Mrz.name("Võ Minh Tuấn")).isEqualTo("VO<<MINH<TUAN");
    }

    @Test
    void longNamesAreCutAtThirtyCharacters() {
        assertThat(Mrz.name("Tôn Nữ Hoàng Thị Phương Thảo Nguyên Khánh")).hasSize(30)
                .isEqualTo("TON<<NU<HOANG<THI<PHUONG<THAO<");
    }

    private static int digit(String line, int index) {
        return line.charAt(index) - '0';
    }
}
