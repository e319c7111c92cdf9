package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SubIndication;

class MessagesTest {

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("messages_" + language + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyMessageKeyExistsInBothLanguages() throws IOException {
        assertThat(bundle("vi").stringPropertyNames()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(bundle("en").stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundles() throws IOException {
        // String literals shaped like our keys, in the CLI's main code (surefire runs in src/).
        Pattern key = Pattern.compile("\"((?:line|value|format|lang|command|option|param|parse|file|sign|key|secret|cert"
                + "|verify|visible|error|text|indication|modifications|subIndication)\\.[A-Za-z.\\-]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("main/java/vn/kyso/server/cli"))) {
            for (Path f : files.toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(bundle("vi").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyReportValueAndErrorCodeHasTextInBothLanguages() throws IOException {
        Set<String> needed = new TreeSet<>();
        Stream.of(SigningException.ErrorCode.values()).forEach(c -> needed.add("error." + c.name()));
        Stream.of(SubIndication.values()).forEach(s -> needed.add("subIndication." + s.name()));
        Stream.of(Indication.values()).forEach(i -> needed.add("indication." + i.name()));
        Stream.of(Modifications.values()).forEach(m -> needed.add("modifications." + m.name()));
        assertThat(bundle("vi").stringPropertyNames()).containsAll(needed);
        assertThat(bundle("en").stringPropertyNames()).containsAll(needed);
    }

    @Test
    void vietnameseIsTheDefaultAndEnglishIsOnRequest() {
        assertThat(Messages.requestedLanguage(new String[] { "verify", "a.pdf" }, Map.of())).isEqualTo("vi");
        assertThat(Messages.requestedLanguage(new String[] { "verify", "a.pdf" }, Map.of("KYSO_LANG", "en")))
                .isEqualTo("en");
        assertThat(Messages.requestedLanguage(new String[] { "verify", "--lang", "en", "a.pdf" }, Map.of("KYSO_LANG", "vi")))
                .isEqualTo("en");
        assertThat(Messages.requestedLanguage(new String[] { "verify", "--lang=en" }, Map.of())).isEqualTo("en");
        assertThat(Messages.of("vi").get("indication.VALID")).isEqualTo("Hợp lệ");
        assertThat(Messages.of("en").get("indication.VALID")).isEqualTo("Valid");
    }

    @Test
    void timesAreShownInVietnamTime() {
        assertThat(Messages.of("vi").time(java.time.Instant.parse("2026-03-05T07:30:00Z")))
                .isEqualTo("05/03/2026 14:30:00 +07:00");
        assertThat(Messages.of("en").time(java.time.Instant.parse("2026-03-05T07:30:00Z")))
                .isEqualTo("2026-03-05 14:30:00 +07:00");
    }
}
