package vn.vneid.sso.it.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WCAG 2.x contrast (success criterion 1.4.3): relative luminance of sRGB colours and their ratio, 1 to 21. Normal
 * text needs 4.5:1, large text (24 px, or 18.66 px bold) 3:1.
 */
public final class Contrast {

    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*([\\d.]+)[,\\s]+([\\d.]+)[,\\s]+([\\d.]+)"
            + "(?:\\s*[,/]\\s*([\\d.]+))?\\s*\\)");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6})");

    private Contrast() {
    }

    /** An opaque colour from CSS {@code rgb(r, g, b)} (what getComputedStyle gives) or {@code #rrggbb}. */
    public static int[] parse(String css) {
        Matcher hex = HEX.matcher(css.strip());
        if (hex.matches()) {
            int v = Integer.parseInt(hex.group(1), 16);
            return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
        }
        Matcher rgb = RGB.matcher(css.strip());
        if (!rgb.matches() || rgb.group(4) != null && Double.parseDouble(rgb.group(4)) < 1) {
            throw new IllegalArgumentException("not an opaque colour: " + css);
        }
        return new int[] {(int) Math.round(Double.parseDouble(rgb.group(1))),
                (int) Math.round(Double.parseDouble(rgb.group(2))), (int) Math.round(Double.parseDouble(rgb.group(3)))};
    }

    public static double ratio(String foreground, String background) {
        double a = luminance(parse(foreground));
        double b = luminance(parse(background));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255.0;
            c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** 3:1 for large text, else 4.5:1. */
    public static double required(double fontSizePx, int fontWeight) {
        return fontSizePx >= 24 || fontSizePx >= 18.66 && fontWeight >= 700 ? 3.0 : 4.5;
    }
}
