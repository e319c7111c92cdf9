package vn.kyso.server.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language choice: Vietnamese unless the user asks for English, by {@code ?lang=en} (kept in a
 * cookie) or by the browser's Accept-Language. Only Vietnamese and English exist, so any other
 * request falls back to Vietnamese.
 */
@Configuration(proxyBeanMethods = false)
public class Locales implements WebMvcConfigurer {

    public static final Locale DEFAULT = Locale.forLanguageTag("vi");
    public static final List<Locale> SUPPORTED = List.of(DEFAULT, Locale.ENGLISH);
    static final String PARAMETER = "lang";
    static final String COOKIE = "kyso-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new KysoLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The supported locale for a language tag, or null. */
    static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    /**
     * The cookie resolver, also honouring {@code ?lang=} on the very request that carries it
     * (API calls and error responses never pass the MVC interceptor), and choosing from
     * Accept-Language only among the supported languages.
     */
    static final class KysoLocaleResolver extends CookieLocaleResolver {

        KysoLocaleResolver() {
            super(COOKIE);
            setCookieMaxAge(Duration.ofDays(365));
            setCookieHttpOnly(true);
            setCookieSameSite("Lax");
            setDefaultLocaleFunction(KysoLocaleResolver::fromHeader);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Locale asked = supported(fromQuery(request.getQueryString()));
            if (asked != null) {
                return asked;
            }
            Locale resolved = super.resolveLocale(request);
            Locale known = supported(resolved.toLanguageTag());
            return known == null ? DEFAULT : known;
        }

        @Override
        public void setLocale(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale.toLanguageTag()));
        }

        /**
         * {@code lang} from the query string only: {@code getParameter} would parse a form or
         * multipart body, which must not happen before size limits are checked.
         */
        static String fromQuery(String query) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith(PARAMETER + "=")) {
                    return pair.substring(PARAMETER.length() + 1);
                }
            }
            return null;
        }

        private static Locale fromHeader(HttpServletRequest request) {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return DEFAULT;
            }
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return best == null ? DEFAULT : best;
            } catch (IllegalArgumentException malformed) {
                return DEFAULT;
            }
        }
    }
}
