package vn.kyso.server.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import vn.kyso.server.config.KysoProperties;

/**
 * Refuses a request whose declared length is over {@code kyso.limits.max-upload-size} before
 * reading a byte of it (413 problem). A body without a declared length (chunked) is still bounded
 * by the multipart limits, answered by {@link UploadLimitResolver}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class UploadLimitFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final LocaleResolver locales;
    private final KysoProperties properties;

    UploadLimitFilter(Problems problems, LocaleResolver locales, KysoProperties properties) {
        this.problems = problems;
        this.locales = locales;
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // multipart framing adds a little to the file itself: allow 64 KiB for it
        long limit = properties.limits().maxUploadSize().toBytes() + 64 * 1024;
        if (request.getContentLengthLong() > limit) {
            UploadLimitResolver.writeTooLarge(problems, locales, properties, request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
