package vn.kyso.server.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.kyso.server.web.Problems;

/**
 * Sessions follow the account (issue 13): on every authenticated request the account's enabled
 * flag and security version are read from the database (one primary-key lookup), so a disabled
 * account, or one whose roles, subscriber or password an admin changed, loses its open sessions
 * at once on every instance sharing the database. Not a Spring bean: each chain gets its own.
 */
final class AccountStandingFilter extends OncePerRequestFilter {

    static final String ENDED_PAGE = "/login?ended";

    private final AccountStore store;
    private final boolean api;

    AccountStandingFilter(AccountStore store, boolean api) {
        this.store = store;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof KysoUser user && !current(user)) {
            SecurityContextHolder.getContextHolderStrategy().clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (api) {
                request.setAttribute(Problems.CODE_ATTRIBUTE, "account:" + AccountException.ErrorCode.SESSION_ENDED.name());
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + ENDED_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean current(KysoUser user) {
        return store.standing(user.accountId())
                .filter(AccountStore.Standing::enabled)
                .map(s -> s.securityVersion() == user.securityVersion())
                .orElse(false);
    }
}
