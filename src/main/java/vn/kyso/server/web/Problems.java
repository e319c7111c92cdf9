package vn.kyso.server.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;

import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every problem response of the service, so that all carry the same fields: a
 * {@code type} URN naming the error, a {@code title} and {@code detail} in the request's
 * language, the machine-readable {@code code}, and the {@code requestId} to find the logs.
 * Details come from the message bundles, never from exception text (which may be English
 * developer language or reveal internals).
 */
@Component
public class Problems {

    /** Request attribute by which a filter names the problem ({@code domain:CODE}) of the error it sends. */
    public static final String CODE_ATTRIBUTE = Problems.class.getName() + ".code";

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * Writes a problem straight to the response, for filters that must answer without an error
     * dispatch (which would re-run the request's parsing, or log its URL).
     */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /**
     * A problem for an error code of a feature, e.g. {@code ("signing", "NOT_A_PDF")}; the detail
     * is the message {@code problem.<domain>.<code>}, or the status's generic detail.
     */
    public ProblemDetail of(HttpStatusCode status, String domain, String code, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:kyso:problem:" + domain + ":" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(statusTitle(status, locale));
        String generic = messages.getMessage("problem.http." + status.value(), null,
                messages.getMessage("problem.http.generic", null, "", locale), locale);
        problem.setDetail(messages.getMessage("problem." + domain + "." + code, args, generic, locale));
        problem.setProperty("code", code);
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** A problem that is only an HTTP status (not found, unauthorized...). */
    public ProblemDetail ofStatus(HttpStatusCode status, Locale locale) {
        return of(status, "http", statusCode(status), locale);
    }

    /** The problem code of a bare HTTP status: {@code NOT_FOUND}, {@code PAYLOAD_TOO_LARGE}... */
    static String statusCode(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }

    private String statusTitle(HttpStatusCode status, Locale locale) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String fallback = known == null ? String.valueOf(status.value()) : known.getReasonPhrase();
        return messages.getMessage("problem.title." + status.value(), null, fallback, locale);
    }
}
