package vn.vneid.sso.chip;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** The step-up QR code as an SVG data URI: no image library, no file, works under the login pages' CSP. */
final class QrCode {

    private QrCode() {
    }

    static String svgDataUri(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            StringBuilder svg = new StringBuilder()
                    .append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(matrix.getWidth())
                    .append(' ').append(matrix.getHeight()).append("' shape-rendering='crispEdges'>")
                    .append("<rect width='100%' height='100%' fill='#fff'/><path fill='#000' d='");
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            svg.append("'/></svg>");
            return "data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code for " + content.length() + " characters", e);
        }
    }
}
