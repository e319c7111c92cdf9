package vn.kyso.server.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.kyso.server.web.Problems;

/**
 * Holds back an account that still has its one-time password: in the console it is sent to the
 * password page, over the API it may only change its password. Not a Spring bean: each filter
 * chain gets its own instance.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    static final String CONSOLE_PAGE = "/account/password";
    static final String API_PATH = "/api/v1/account/password";

    private static final List<String> CONSOLE_OPEN = List.of(CONSOLE_PAGE, "/logout", "/login", "/error",
            "/css/", "/js/", "/images/", "/favicon");

    private final boolean api;

    private PasswordChangeGate(boolean api) {
        this.api = api;
    }

    static PasswordChangeGate forApi() {
        return new PasswordChangeGate(true);
    }

    static PasswordChangeGate forConsole() {
        return new PasswordChangeGate(false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof KysoUser user && user.mustChangePassword()
                && !allowed(path(request))) {
            if (api) {
                request.setAttribute(Problems.CODE_ATTRIBUTE, "account:" + AccountException.ErrorCode.PASSWORD_CHANGE_REQUIRED.name());
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else {
                response.sendRedirect(request.getContextPath() + CONSOLE_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allowed(String path) {
        if (api) {
            return path.equals(API_PATH);
        }
        return CONSOLE_OPEN.stream().anyMatch(path::startsWith);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
