package vn.kyso.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The console's colours, read from its stylesheet, keep WCAG AA contrast (4.5:1 for text) in
 * every pairing the pages use: body and muted text on the page, cards and table heads, links
 * and buttons, the header, statuses and the alerts' tinted backgrounds.
 */
class ContrastTest {

    @Test
    void everyTextColourOnItsBackgroundReachesWcagAa() throws IOException {
        String css;
        try (InputStream in = ContrastTest.class.getResourceAsStream("/static/css/kyso.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> colour = new HashMap<>();
        Matcher variable = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\\b").matcher(css);
        while (variable.find()) {
            colour.put(variable.group(1), variable.group(2));
        }
        String tableHead = literal(css, "th \\{ background: (#[0-9a-f]{6})");
        String error = literal(css, "\\.alert\\.error \\{ background: (#[0-9a-f]{6})");
        String info = literal(css, "\\.alert\\.info \\{ background: (#[0-9a-f]{6})");
        String ok = literal(css, "\\.alert\\.ok \\{ background: (#[0-9a-f]{6})");
        String chip = literal(css, "\\.chip \\{[^}]*background: (#[0-9a-f]{6})");

        List<String[]> pairs = List.of(
                new String[] {"ink", colour.get("ink"), colour.get("bg")},
                new String[] {"ink on a card", colour.get("ink"), colour.get("card")},
                new String[] {"muted on the page", colour.get("muted"), colour.get("bg")},
                new String[] {"muted on a card", colour.get("muted"), colour.get("card")},
                new String[] {"muted in a table head", colour.get("muted"), tableHead},
                new String[] {"a link", colour.get("brand"), colour.get("card")},
                new String[] {"a link on the page", colour.get("brand"), colour.get("bg")},
                new String[] {"the header", colour.get("brand-ink"), colour.get("brand")},
                new String[] {"active", colour.get("ok"), colour.get("card")},
                new String[] {"suspended", colour.get("warn"), colour.get("card")},
                new String[] {"revoked", colour.get("bad"), colour.get("card")},
                new String[] {"an error", colour.get("ink"), error},
                new String[] {"a link in an info box", colour.get("brand"), info},
                new String[] {"a success", colour.get("ink"), ok},
                new String[] {"a link in a chip", colour.get("brand"), chip},
                new String[] {"a danger button", "#ffffff", colour.get("bad")},
                new String[] {"the skip link", colour.get("ink"), colour.get("focus")});
        assertThat(colour).containsKeys("ink", "muted", "bg", "card", "brand", "brand-ink", "ok", "warn", "bad", "focus");
        for (String[] pair : pairs) {
            assertThat(ratio(pair[1], pair[2])).as(pair[0] + ": " + pair[1] + " on " + pair[2]).isGreaterThanOrEqualTo(4.5);
        }
    }

    private static String literal(String css, String regex) {
        Matcher m = Pattern.compile(regex).matcher(css);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    /** WCAG 2 contrast ratio of two sRGB colours. */
    static double ratio(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        String digits = hex.substring(1);
        if (digits.length() == 3) { // #fff is #ffffff
            digits = digits.replaceAll("(.)", "$1$1");
        }
        int rgb = Integer.parseInt(digits, 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
