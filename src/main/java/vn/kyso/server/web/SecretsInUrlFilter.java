package vn.kyso.server.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses a PIN, password, passphrase, key activation or API token in the URL's query, before anything logs the URL: query
 * strings end up in access logs, proxies and browser history. Secrets go in the body. The answer
 * is written here, without an error dispatch, since that would log the URL again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecretsInUrlFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final LocaleResolver locales;

    SecretsInUrlFilter(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && Arrays.stream(query.split("&")).anyMatch(SecretsInUrlFilter::namesASecret)) {
            problems.write(response, problems.of(HttpStatus.BAD_REQUEST, "http", "SECRET_IN_URL",
                    locales.resolveLocale(request)));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean namesASecret(String parameter) {
        int equals = parameter.indexOf('=');
        String name;
        try {
            name = URLDecoder.decode(equals < 0 ? parameter : parameter.substring(0, equals), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            name = parameter;
        }
        name = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        // activation tokens (issue 13) and API tokens stand for a PIN or password: headers or body only
        return name.endsWith("pin") || name.equals("activation") || name.equals("token") || name.equals("accesstoken")
                || name.contains("password") || name.contains("passphrase") || name.contains("secret");
    }
}
