package vn.vneid.sso.example.portal;

import java.util.Map;

/** The example's few pages. Every value that came from outside (claims, error texts) goes through {@link #escape}. */
final class Html {

    private Html() {
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
                table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
                form{display:inline-block;margin:.5rem .5rem 0 0}.error{color:#a00}</style></head>
                <body><h1>%s</h1>%s</body></html>
                """.formatted(escape(title), escape(title), body);
    }

    /** A button that POSTs: the actions change state, and the session cookie is SameSite=Lax (no CSRF). */
    static String button(String action, String label) {
        return "<form method=\"post\" action=\"" + escape(action) + "\"><button type=\"submit\">" + escape(label)
                + "</button></form>";
    }

    static String table(String id, Map<String, ?> rows) {
        StringBuilder out = new StringBuilder("<table id=\"").append(escape(id)).append("\">");
        rows.forEach((name, value) -> out.append("<tr><th>").append(escape(name)).append("</th><td>")
                .append(escape(value)).append("</td></tr>"));
        return out.append("</table>").toString();
    }

    static String error(String code, String description) {
        return "<p class=\"error\" id=\"error\"><code id=\"error-code\">" + escape(code) + "</code> "
                + escape(description) + "</p><p><a href=\"/\">Trang chủ / Home</a></p>";
    }
}
