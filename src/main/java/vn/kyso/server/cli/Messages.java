package vn.kyso.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The CLI's user-facing text in Vietnamese (default) or English, from
 * {@code vn/kyso/server/cli/messages_vi.properties} and {@code messages_en.properties}.
 */
final class Messages {

    static final String BUNDLE = "vn.kyso.server.cli.messages";
    static final String DEFAULT_LANGUAGE = "vi";
    static final List<String> LANGUAGES = List.of("vi", "en");

    /** Vietnam's time zone: the Decree 30 layouts and the reports show times in +07:00. */
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter timeFormat;

    private Messages(String language) {
        this.locale = Locale.forLanguageTag(language);
        this.bundle = load(language);
        this.timeFormat = DateTimeFormatter.ofPattern(bundle.getString("format.time"), locale);
    }

    /**
     * Reads the one properties file directly instead of through {@code ResourceBundle.getBundle}:
     * its search for candidate bundles that do not exist (messages_vi.class, messages.properties)
     * makes Spring Boot's nested-jar class loader open every jar in the application, which cost
     * about half a second of the CLI's start-up.
     */
    private static ResourceBundle load(String language) {
        String name = BUNDLE.substring(BUNDLE.lastIndexOf('.') + 1) + "_" + language + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing CLI message bundle " + name);
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages for {@code language} (vi or en); unknown languages fall back to Vietnamese. */
    static Messages of(String language) {
        return new Messages(isSupported(language) ? language : DEFAULT_LANGUAGE);
    }

    static boolean isSupported(String language) {
        return language != null && LANGUAGES.contains(language);
    }

    /**
     * The language asked for by {@code --lang X} or {@code --lang=X} anywhere in {@code args}, else
     * by the {@code KYSO_LANG} environment variable, else Vietnamese. Read before parsing so that
     * even parse errors and help come out in the right language.
     */
    static String requestedLanguage(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        String fromEnv = env.get("KYSO_LANG");
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_LANGUAGE : fromEnv.trim().toLowerCase(Locale.ROOT);
    }

    String language() {
        return locale.getLanguage();
    }

    ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key} with {@code args} filled in ({@link MessageFormat} syntax). */
    String get(String key, Object... args) {
        // Always through MessageFormat, so every pattern follows one quoting rule ('' for ').
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /**
     * One change after signing in words ("Trang 1: điền hoặc sửa giá trị trường 'amount'"): the
     * service's sentences ({@code change.*} of messages.properties), so that the portal, the PDF
     * report and the CLI say the same; read on first use only.
     */
    String change(vn.kyso.signing.Change change) {
        if (changes == null) {
            changes = loadResource("/" + ("en".equals(language()) ? "messages_en" : "messages") + ".properties");
        }
        String subject = change.subject() == null ? "" : "'" + change.subject() + "'";
        String text = new MessageFormat(changes.getString("change.kind." + change.kind().name()), locale)
                .format(new Object[] {change.page(), subject}).replace(" ()", "").strip();
        return change.page() == null ? Character.toUpperCase(text.charAt(0)) + text.substring(1)
                : new MessageFormat(changes.getString("change.onPage"), locale).format(new Object[] {change.page()}) + text;
    }

    private ResourceBundle changes;

    private static ResourceBundle loadResource(String name) {
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + name);
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A time as a person in Vietnam reads it, in +07:00; "—" when unknown. */
    String time(Instant instant) {
        return instant == null ? get("value.none") : timeFormat.format(instant.atOffset(VIETNAM));
    }
}
