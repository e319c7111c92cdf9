package vn.kyso.server.usage;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.kyso.server.web.Problems;
import vn.kyso.usage.UsageException;

/**
 * Usage errors as problem responses: a bad request or unknown unit is 400, an unreadable import
 * 422, storage and I/O failures 500. Ordered before the service's catch-all advice.
 */
@RestControllerAdvice(basePackageClasses = UsageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UsageProblems {

    private final Problems problems;
    private final MessageSource messages;

    UsageProblems(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(UsageException.class)
    ResponseEntity<ProblemDetail> usage(UsageException e) {
        HttpStatus status = switch (e.code()) {
            case INVALID_REQUEST, UNKNOWN_UNIT -> HttpStatus.BAD_REQUEST;
            case UNKNOWN_CERTIFICATE, UNKNOWN_INGESTION, UNKNOWN_SNAPSHOT -> HttpStatus.NOT_FOUND;
            case UNREADABLE_IMPORT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICTING_CERTIFICATE, PERIOD_NOT_CLOSED -> HttpStatus.CONFLICT;
            case IO_ERROR, STORAGE_FAILURE -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        ProblemDetail problem = problems.of(status, "usage", e.code().name(), LocaleContextHolder.getLocale());
        if (e instanceof ReportQuery.Invalid invalid) {
            // the rule broken, in the user's words, rather than the API's grammar
            problem.setDetail(messages.getMessage(invalid.reason().messageKey(), null,
                    problem.getDetail(), LocaleContextHolder.getLocale()));
            problem.setProperty("reason", invalid.reason().name());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
