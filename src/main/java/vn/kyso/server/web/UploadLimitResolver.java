package vn.kyso.server.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

import vn.kyso.server.config.KysoProperties;

/**
 * An upload over {@code kyso.limits.max-upload-size} fails while the request is parsed, before
 * any controller is chosen, so no controller advice sees it. It is answered here, at once: the
 * usual error dispatch would parse the oversized body again and fail with an empty response.
 */
@Component
class UploadLimitResolver implements HandlerExceptionResolver, Ordered {

    private final Problems problems;
    private final LocaleResolver locales;
    private final KysoProperties properties;

    UploadLimitResolver(Problems problems, LocaleResolver locales, KysoProperties properties) {
        this.problems = problems;
        this.locales = locales;
        this.properties = properties;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!isUploadTooLarge(e)) {
            return null;
        }
        try {
            writeTooLarge(problems, locales, properties, request, response);
        } catch (IOException clientGone) {
            // the client stopped reading: nothing more to tell it
        }
        return new ModelAndView();
    }

    static void writeTooLarge(Problems problems, LocaleResolver locales, KysoProperties properties,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(response, problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "http", "UPLOAD_TOO_LARGE",
                locales.resolveLocale(request), properties.limits().maxUploadSize().toMegabytes() + " MB"));
    }

    /** Spring's own exception, or Tomcat's size-limit exception wrapped in a generic multipart failure. */
    static boolean isUploadTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException || t.getClass().getSimpleName().endsWith("SizeLimitExceededException")
                    || t.getClass().getSimpleName().equals("FileSizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
