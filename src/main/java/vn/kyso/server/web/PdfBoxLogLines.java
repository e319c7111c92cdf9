package vn.kyso.server.web;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Issue 13: PDFBox logs what it recovers from in a malformed document with the whole stack trace
 * (a PDF of 100,000 nested arrays: "Reached maximum recursion depth", 680 lines, once per request).
 * Such documents are input, made by anyone: each becomes one line under the request's id, with
 * PDFBox's logger, message and the exception's class and message, never the trace.
 */
@Component
class PdfBoxLogLines extends TurboFilter {

    private static final Logger log = LoggerFactory.getLogger("vn.kyso.server.pdfbox");

    PdfBoxLogLines() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            start();
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        if (t == null || format == null || !logger.getName().startsWith("org.apache.pdfbox")
                || !logger.isEnabledFor(level)) {
            return FilterReply.NEUTRAL;
        }
        String message = params == null ? format : org.slf4j.helpers.MessageFormatter.arrayFormat(format, params).getMessage();
        log.warn("Malformed PDF input ({}): {} ({}: {})", logger.getName(), message, t.getClass().getSimpleName(),
                t.getMessage());
        return FilterReply.DENY;
    }
}
