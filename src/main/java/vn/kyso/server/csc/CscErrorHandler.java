package vn.kyso.server.csc;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.kyso.server.csc.CscException.Error;

/**
 * Errors of the CSC endpoints in the spec's body ({@code error}, {@code error_description}), ahead
 * of the service's RFC 9457 problems, which CSC clients do not read.
 */
@RestControllerAdvice(assignableTypes = {CscApi.class, CscClientApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CscErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(CscErrorHandler.class);

    @ExceptionHandler(CscException.class)
    ResponseEntity<Map<String, String>> csc(CscException e) {
        return body(e.error(), e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, String>> unreadable(Exception e) {
        return body(Error.INVALID_REQUEST, "The request body is not the JSON the method takes");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(405).body(Map.of("error", "invalid_request",
                "error_description", "Use POST with a JSON body"));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, String>> unexpected(RuntimeException e) {
        log.error("CSC request failed", e);
        return body(Error.SERVER_ERROR, "The remote service encountered an unexpected condition");
    }

    private static ResponseEntity<Map<String, String>> body(Error error, String description) {
        return ResponseEntity.status(error.status()).body(Map.of("error", error.code(), "error_description", description));
    }
}
