package vn.kyso.server.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.kyso.ca.CaException;
import vn.kyso.server.security.AccountException;
import vn.kyso.server.signing.SigningRefusedException;
import vn.kyso.server.signing.batch.BatchException;
import vn.kyso.server.trust.TrustAnchorException;
import vn.kyso.signing.SigningException;

/**
 * The one place where exceptions raised by REST controllers become RFC 9457 problems: each
 * module's error code gets its HTTP status here. Console pages handle their own errors (a
 * message in the page); errors outside controllers go through {@link ProblemErrorController}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** When a client refused for lack of room (batch jobs) should try again. */
    private static final String BUSY_RETRY_AFTER_SECONDS = "30";

    private final Problems problems;
    private final LocaleResolver locales;
    private final MessageSource messages;

    ProblemHandler(Problems problems, LocaleResolver locales, MessageSource messages) {
        this.problems = problems;
        this.locales = locales;
        this.messages = messages;
    }

    @ExceptionHandler(SigningException.class)
    ResponseEntity<Object> signing(SigningException e, HttpServletRequest request) {
        return respond(signingStatus(e.code()), "signing", e.code().name(), request);
    }

    @ExceptionHandler(SigningRefusedException.class)
    ResponseEntity<Object> signingRefused(SigningRefusedException e, HttpServletRequest request) {
        HttpStatus status = refusalStatus(e.reason());
        ProblemDetail problem = problems.of(status, "signing", e.reason().name(), locale(request), e.args());
        if (e.attemptsLeft() != null) {
            problem.setProperty("attemptsLeft", e.attemptsLeft());
        }
        if (e.signaturesLeft() != null) {
            problem.setProperty("signaturesLeft", e.signaturesLeft());
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(BatchException.class)
    ResponseEntity<Object> batch(BatchException e, HttpServletRequest request) {
        HttpStatus status = batchStatus(e.code());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.code() == BatchException.Code.BUSY) {
            response.header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS);
        }
        return response.body(problems.of(status, "batch", e.code().name(), locale(request)));
    }

    @ExceptionHandler(CaException.class)
    ResponseEntity<Object> ca(CaException e, HttpServletRequest request) {
        HttpStatus status = caStatus(e.code());
        if (status.is5xxServerError()) {
            log.error("CA failure {} on {} {}", e.code(), request.getMethod(), request.getRequestURI(), e);
        }
        return respond(status, "ca", e.code().name(), request);
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<Object> account(AccountException e, HttpServletRequest request) {
        HttpStatus status = switch (e.code()) {
            case USERNAME_TAKEN, SELF_LOCKOUT, NOT_PENDING, ROLE_NEEDS_APPROVAL -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PASSWORD_CHANGE_REQUIRED, OWN_REQUEST, NOT_AN_APPROVER -> HttpStatus.FORBIDDEN;
            case SESSION_ENDED -> HttpStatus.UNAUTHORIZED;
            case LOGIN_THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case INVALID_USERNAME, WRONG_PASSWORD, WEAK_PASSWORD, INVALID_TOKEN_NAME, NO_ROLE -> HttpStatus.BAD_REQUEST;
        };
        return respond(status, "account", e.code().name(), request);
    }

    @ExceptionHandler(TrustAnchorException.class)
    ResponseEntity<Object> trustAnchor(TrustAnchorException e, HttpServletRequest request) {
        return respond(anchorStatus(e.code()), "anchor", e.code().name(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kyso\", Basic realm=\"kyso\"")
                .body(problems.ofStatus(HttpStatus.UNAUTHORIZED, locale(request)));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.ofStatus(HttpStatus.FORBIDDEN, locale(request)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
        Locale locale = locale(request);
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "http", "VALIDATION_FAILED", locale);
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(RequestTimeLimit.Exceeded.class)
    ResponseEntity<Object> timeLimit(RequestTimeLimit.Exceeded e, HttpServletRequest request) {
        log.warn("Request time limit ({} s) reached on {} {}", e.seconds(), request.getMethod(), request.getRequestURI());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "http", "TIME_LIMIT_EXCEEDED", locale(request), e.seconds()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> badArgument(IllegalArgumentException e, HttpServletRequest request) {
        // records validate in compact constructors: a bad value from a client is a bad request
        return respond(HttpStatus.BAD_REQUEST, "http", "INVALID_REQUEST", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "http", "INTERNAL_SERVER_ERROR", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "http", "VALIDATION_FAILED", locale);
        List<Map<String, String>> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> Map.of(
                        "field", error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        "message", messages.getMessage(error, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** A record's compact constructor refusing a value shows up wrapped in a JSON error: unwrap it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        for (Throwable t = e.getCause(); t != null && servlet != null; t = t.getCause()) {
            if (t instanceof CaException ca) {
                return ca(ca, servlet);
            }
            if (t instanceof SigningException signing) {
                return signing(signing, servlet);
            }
        }
        return handleExceptionInternal(e, null, headers, status, request);
    }

    /** Spring MVC's own exceptions (bad JSON, missing part, 404, 405, 413...): our fields, our words. */
    /**
     * A value Spring cannot convert to the parameter's type (a text field sent as a file part,
     * {@code -F pin=@pin.txt}) is the client's mistake: 400, not Spring's 500 (issue 13).
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(org.springframework.beans.ConversionNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        log.info("Malformed request: {} ({})", e.getPropertyName(), e.getClass().getSimpleName());
        return handleExceptionInternal(e, null, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(StackOverflowError.class)
    ResponseEntity<Object> tooDeep(StackOverflowError e, HttpServletRequest request) {
        // a document nested deeper than the stack (100,000 nested arrays): one line, not a 660-line trace
        log.warn("Input nested too deeply on {} {}", request.getMethod(), request.getRequestURI());
        return respond(HttpStatus.UNPROCESSABLE_CONTENT, "http", "INPUT_TOO_COMPLEX", request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Request failed with {}", status.value(), e); // no 500 without a log line (issue 13)
        } else {
            log.debug("Refused request: {}", e.getClass().getSimpleName());
        }
        ProblemDetail problem = problems.ofStatus(status, locale(request));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    static HttpStatus signingStatus(SigningException.ErrorCode code) {
        return switch (code) {
            case NOT_A_PDF, INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
            case LIMIT_EXCEEDED -> HttpStatus.PAYLOAD_TOO_LARGE;
            case ENCRYPTED_PDF, ENCRYPTION_FORBIDS_SIGNING, CERTIFICATION_FORBIDS_CHANGES, KEY_UNAVAILABLE,
                    UNSUPPORTED_KEY, CERTIFICATE_NOT_USABLE, CERTIFICATE_REVOKED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case INVALID_SIGNING_HANDLE -> HttpStatus.CONFLICT;
            case TSA_UNAVAILABLE, REVOCATION_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case IO_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    static HttpStatus refusalStatus(SigningRefusedException.Reason reason) {
        return switch (reason) {
            case NO_DOCUMENT, INVALID_FIELD, INVALID_CERTIFICATE_CHAIN, NO_SIGNATURE_IMAGE, NO_SEAL_IMAGE,
                    CERTIFICATE_CHOICE_REQUIRED, TOO_MANY_DOCUMENTS, CREDENTIAL_REQUIRED, ACTIVATION_LIMIT,
                    REMOTE_SERVICE_UNKNOWN, REMOTE_LOGIN_REQUIRED ->
                    HttpStatus.BAD_REQUEST;
            case ACTIVATION_UNKNOWN -> HttpStatus.NOT_FOUND;
            case ACTIVATION_EXPIRED -> HttpStatus.GONE;
            case ACTIVATION_EXHAUSTED -> HttpStatus.CONFLICT;
            case TOO_MANY_PAGES -> HttpStatus.PAYLOAD_TOO_LARGE;
            case NOT_YOUR_CERTIFICATE, NOT_A_CLERK, HANDLE_NOT_YOURS, ACTIVATION_NOT_YOURS -> HttpStatus.FORBIDDEN;
            case KEY_LOCKED -> HttpStatus.LOCKED;
            case PIN_NOT_CHOSEN, PIN_ALREADY_CHOSEN -> HttpStatus.CONFLICT;
            case TIME_LIMIT_EXCEEDED -> HttpStatus.SERVICE_UNAVAILABLE;
            case REMOTE_UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
            case NO_CERTIFICATE, WRONG_CERTIFICATE_KIND, CERTIFICATE_REVOKED, CERTIFICATE_SUSPENDED,
                    CERTIFICATE_EXPIRED, NO_CUSTODY_KEY, WRONG_PIN, NO_VALID_PERSONAL_SIGNATURE, PAGE_TOO_COMPLEX,
                    REMOTE_REFUSED ->
                    HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    static HttpStatus batchStatus(BatchException.Code code) {
        return switch (code) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RUNNING, NOTHING_SIGNED -> HttpStatus.CONFLICT;
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    static HttpStatus anchorStatus(TrustAnchorException.ErrorCode code) {
        return switch (code) {
            case NOT_A_CERTIFICATE, INVALID_LABEL, NO_USE -> HttpStatus.BAD_REQUEST;
            case NOT_A_CA -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case DUPLICATE, RETIRED -> HttpStatus.CONFLICT;
        };
    }

    static HttpStatus caStatus(CaException.ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, MALFORMED_CSR, CSR_SIGNATURE_INVALID, UNKNOWN_PROFILE, INVALID_REVOCATION_REASON ->
                    HttpStatus.BAD_REQUEST;
            case UNSUPPORTED_KEY, PROFILE_MISMATCH, WRONG_PIN -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNKNOWN_SUBSCRIBER, UNKNOWN_UNIT, UNKNOWN_CERTIFICATE -> HttpStatus.NOT_FOUND;
            case DUPLICATE, REVOCATION_REFUSED, INVALID_STATUS, NO_CUSTODY_KEY, EXPORT_NOT_ALLOWED, ALREADY_EXPORTED,
                    PIN_NOT_CHOSEN, PIN_ALREADY_CHOSEN -> HttpStatus.CONFLICT;
            case KEY_LOCKED -> HttpStatus.LOCKED;
            case ACTIVATION_UNKNOWN -> HttpStatus.NOT_FOUND;
            case ACTIVATION_EXPIRED -> HttpStatus.GONE;
            case ACTIVATION_EXHAUSTED -> HttpStatus.CONFLICT;
            case ACTIVATION_NOT_YOURS -> HttpStatus.FORBIDDEN;
            case STORAGE_ERROR -> HttpStatus.SERVICE_UNAVAILABLE;
            case KEY_STORE_ERROR, HIERARCHY_ERROR, CRYPTO_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private ResponseEntity<Object> respond(HttpStatus status, String domain, String code, HttpServletRequest request) {
        return ResponseEntity.status(status).body(problems.of(status, domain, code, locale(request)));
    }

    private Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    private Locale locale(WebRequest request) {
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return servlet == null ? Locales.DEFAULT : locale(servlet);
    }
}
