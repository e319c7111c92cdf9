package vn.kyso.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.HtmlUtils;

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
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "http",
                "UPLOAD_TOO_LARGE", locale, properties.limits().maxUploadSize().toMegabytes() + " MB");
        if (isConsolePage(request)) {
            writePage(problem, locale, response);
        } else {
            problems.write(response, problem);
        }
    }

    /** A console form (a browser asking for HTML, not the API): it gets a page, not JSON. */
    private static boolean isConsolePage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.contains("text/html");
    }

    /**
     * The refusal as a small page of its own: this answer is written before Spring MVC (and its
     * templates) sees the request, since the body is never read.
     */
    private static void writePage(ProblemDetail problem, Locale locale,
            HttpServletResponse response) throws IOException {
        String title = HtmlUtils.htmlEscape(String.valueOf(problem.getTitle()));
        String detail = HtmlUtils.htmlEscape(String.valueOf(problem.getDetail()));
        String page = "<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage()) + "\"><head>"
                + "<meta charset=\"utf-8\"><title>" + title + " · kyso</title>"
                + "<link rel=\"stylesheet\" href=\"/css/kyso.css\"></head><body><main>"
                + "<h1>" + title + "</h1><p class=\"error\" id=\"problem-detail\">" + detail + "</p>"
                + "<p><a href=\"/sign\">kyso</a></p></main></body></html>";
        response.setStatus(problem.getStatus());
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
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
