package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every audit action code has a name in Vietnamese and in English ({@code audit.action.<CODE>}),
 * so that the audit page never shows a bare code. The codes are read from the sources: each
 * literal passed as the action to the audit log (a new one is covered the day it is written),
 * plus those that reach it through a variable, listed here.
 */
class AuditActionNamesTest {

    /** {@code audit.append(actor, "CODE", ...)}, {@code ca.audit(actor, "CODE", ...)}, {@code record(x, "CODE", ...)}. */
    private static final Pattern LITERAL_ACTION = Pattern.compile(
            "(?:append|record|audit)\\(\\s*[^,;]{1,80}?,\\s*(?:[^,;\"]{1,40}\\?\\s*)?\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern ANY_CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|LOGIN)\"");
    /** Codes chosen in a variable before the call (Lifecycle, Issuance, CrlPublisher, KeyUnlock, TrustAnchors, HierarchyBootstrap). */
    private static final List<String> THROUGH_VARIABLES = List.of("CERTIFICATE_RELEASED", "CERTIFICATE_SUSPENDED",
            "CERTIFICATE_REVOKED", "CERTIFICATE_ISSUED", "CERTIFICATE_RENEWED", "CERTIFICATE_REKEYED", "CRL_PUBLISHED",
            "ROOT_CRL_PUBLISHED", "KEY_UNLOCKED", "KEY_EXPORTED", "KEY_ACTIVATED", "TRUST_ANCHOR_CHANGED",
            "TRUST_ANCHOR_ENABLED", "TRUST_ANCHOR_DISABLED", "HIERARCHY_CREATED", "HIERARCHY_IMPORTED", "LOGIN",
            "KEY_PIN_CHOICE_REFUSED");

    @Test
    void everyAuditActionHasAVietnameseAndAnEnglishName() {
        Set<String> codes = new TreeSet<>(THROUGH_VARIABLES);
        codes.addAll(literalActions());
        assertThat(codes).as("the scan finds the literal actions").contains("UNIT_ADDED", "ACCOUNT_CREATED",
                "AGENCY_SEAL_SET", "USAGE_INGESTED", "KEY_UNLOCK_FAILED", "CSC_SIGN_HASH");
        // the listed codes still exist in the sources (a renamed one would leave a stale name)
        Set<String> written = anyCodes();
        assertThat(written).containsAll(THROUGH_VARIABLES);

        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties names = load(bundle);
            assertThat(codes).as(bundle).allSatisfy(code -> assertThat(names.getProperty("audit.action." + code))
                    .as(bundle + ": audit.action." + code).isNotBlank());
        }
        assertThat(load("messages.properties").getProperty("audit.action.CERTIFICATE_REVOKED"))
                .isEqualTo("Thu hồi chứng thư số");
    }

    static Properties load(String bundle) {
        Properties p = new Properties();
        try (InputStream in = AuditActionNamesTest.class.getResourceAsStream("/" + bundle)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Set<String> literalActions() {
        return scan(LITERAL_ACTION);
    }

    private static Set<String> anyCodes() {
        return scan(ANY_CODE);
    }

    private static Set<String> scan(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        for (Path root : List.of(Path.of("main/java"), Path.of("../ca-admin/src/main/java"),
                Path.of("../usage-reports/src/main/java"))) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = pattern.matcher(Files.readString(file).replaceAll("\\s+", " "));
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }
}
