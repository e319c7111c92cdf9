package vn.kyso.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.kyso.server.web.Problems;

/**
 * Refuses a password attempt (the console's {@code POST /login}, or an API request with HTTP
 * Basic) with 429 and {@code Retry-After} while {@link LoginThrottle} says its account or address
 * must wait; the password is then not even checked. Not a Spring bean: each chain gets its own.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final boolean api;

    LoginThrottleFilter(LoginThrottle throttle, boolean api) {
        this.throttle = throttle;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = attemptedUsername(request);
        if (username != null) {
            Optional<Duration> wait = throttle.delay(username, request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                request.setAttribute(Problems.CODE_ATTRIBUTE,
                        "account:" + AccountException.ErrorCode.LOGIN_THROTTLED.name());
                response.sendError(429);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name of a password attempt in this request, or null when it carries none. */
    private String attemptedUsername(HttpServletRequest request) {
        if (!api) {
            return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
                    ? String.valueOf(request.getParameter("username")) : null;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // Spring's Basic filter refuses it
        }
    }
}
