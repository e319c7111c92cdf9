package vn.kyso.server.signing.batch;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.LocaleResolver;

import vn.kyso.server.web.Problems;

/**
 * {@link BatchException}s as RFC 9457 problems ({@code urn:kyso:problem:batch:*}), for the API
 * and the console's batch routes; ahead of the service's problem handler, whose catch-all would
 * otherwise answer 500. Every other exception goes on to that handler.
 */
@RestControllerAdvice(assignableTypes = {BatchApi.class, BatchConsole.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class BatchProblems {

    /** Seconds a client refused for lack of room should wait before trying again. */
    private static final String RETRY_AFTER_SECONDS = "30";

    private final Problems problems;
    private final LocaleResolver locales;

    BatchProblems(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @ExceptionHandler(BatchException.class)
    ResponseEntity<ProblemDetail> batch(BatchException e, HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.code().status());
        if (e.code() == BatchException.Code.BUSY) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(problems.of(e.code().status(), "batch", e.code().name(), locale));
    }
}
