package vn.kyso.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/**
 * What a screen reader and a phone need of every console page: the language, the viewport, a
 * link to skip the navigation, and each form field tied to its label ({@code for}/{@code id},
 * or an {@code aria-label}), each image with a text alternative.
 */
class ConsoleAccessibilityTest extends KysoServerTest {

    private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b[^>]*>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    @Test
    void everyFieldOfTheAdminAndOfficerPagesHasALabelTiedToIt() {
        TestHttp admin = http();
        admin.login("admin", ADMIN_PASSWORD);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/", "/admin/certificates", "/admin/subscribers", "/admin/units", "/admin/audit",
                "/admin/accounts", "/admin/trust-anchors", "/admin/certificates/issue", "/admin/certificates/issue?q=a",
                "/account", "/verify")) {
            problems.addAll(check(admin, page));
        }
        TestHttp officer = http();
        officer.login(officer(), USER_PASSWORD);
        for (String page : List.of("/sign", "/sign/keys", "/account", "/account/password")) {
            problems.addAll(check(officer, page));
        }
        problems.addAll(check(http(), "/login"));

        assertThat(problems).isEmpty();
    }

    private static List<String> check(TestHttp browser, String page) {
        HttpResponse<String> response = browser.get(page);
        assertThat(response.statusCode()).as(page).isEqualTo(200);
        String html = response.body();
        List<String> problems = new ArrayList<>();
        if (!html.matches("(?s).*<html[^>]* lang=\"(vi|en)\".*")) {
            problems.add(page + ": no lang on <html>");
        }
        if (!html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")) {
            problems.add(page + ": no viewport");
        }
        if (!html.contains("class=\"skip\" href=\"#main\"")) {
            problems.add(page + ": no link to skip the navigation");
        }
        Matcher control = CONTROL.matcher(html);
        while (control.find()) {
            String tag = control.group();
            if (tag.contains("type=\"hidden\"") || tag.contains("aria-label=") || tag.contains("aria-labelledby=")) {
                continue;
            }
            Matcher id = ID.matcher(tag);
            if (!id.find()) {
                problems.add(page + ": a field without an id: " + tag);
            } else if (!html.contains("for=\"" + id.group(1) + "\"")) {
                problems.add(page + ": no label for #" + id.group(1));
            }
        }
        Matcher image = Pattern.compile("<img\\b[^>]*>").matcher(html);
        while (image.find()) {
            if (!image.group().contains("alt=")) {
                problems.add(page + ": an image without alt: " + image.group());
            }
        }
        return problems;
    }
}
