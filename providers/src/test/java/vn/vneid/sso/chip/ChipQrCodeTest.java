package vn.vneid.sso.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChipQrCodeTest {

    /** What QrCode draws around the symbol (EncodeHintType.MARGIN). */
    private static final int QUIET_ZONE = 2;

    @Test
    @DisplayName("the QR code the page shows carries the transaction code and nothing that names a server")
    void theQrCodeCarriesOnlyTheTransactionCode() throws Exception {
        String transaction = "AbCdEfGhIjKlMnOpQrSt-_";
        String text = decode(QrCode.svgDataUri(ChipProof.qrContent(transaction)));
        assertThat(text).isEqualTo("vneid://chip-step-up?tx=" + transaction);
        assertThat(text).doesNotContain("http").doesNotContain("endpoint").doesNotContain("&");
    }

    /** Reads the SVG's modules back into a matrix and decodes it with ZXing's own decoder. */
    private static String decode(String dataUri) throws Exception {
        String svg = new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        Matcher box = Pattern.compile("viewBox='0 0 (\\d+) (\\d+)'").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1)) - 2 * QUIET_ZONE;
        BitMatrix modules = new BitMatrix(size, size);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            modules.set(Integer.parseInt(module.group(1)) - QUIET_ZONE, Integer.parseInt(module.group(2)) - QUIET_ZONE);
        }
        return new Decoder().decode(modules).getText();
    }
}
