package vn.kyso.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The filter chain of the Cloud Signature Consortium API ({@code /csc/v2/**}): stateless, no CSRF,
 * HTTP Basic (for {@code auth/login}) or a bearer token, and the spec's error body
 * ({@code {"error": ..., "error_description": ...}}) instead of an RFC 9457 problem, because CSC
 * clients read that. {@code info} and {@code oauth2/token} are public (the spec's discovery and
 * a client's own authentication); signing needs an officer.
 */
@Configuration(proxyBeanMethods = false)
class CscSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain cscSecurity(HttpSecurity http, ApiTokens tokens,
            ObjectProvider<ServiceClient.Tokens> clients) throws Exception {
        CscErrors errors = new CscErrors();
        http.securityMatcher("/csc/**")
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/csc/v2/info", "/csc/v2/oauth2/token").permitAll()
                        .requestMatchers("/csc/v2/auth/login", "/csc/v2/auth/revoke").authenticated()
                        .requestMatchers("/csc/v2/**").hasAnyRole(Role.OFFICER.name(), ServiceClient.ROLE)
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("kyso").authenticationEntryPoint(errors))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .addFilterBefore(new BearerTokenFilter(tokens, errors), BasicAuthenticationFilter.class)
                .addFilterBefore(PasswordChangeGate.forApi(), AuthorizationFilter.class);
        ServiceClient.Tokens clientTokens = clients.getIfAvailable();
        if (clientTokens != null) {
            http.addFilterBefore(new ClientTokenFilter(clientTokens, errors), BearerTokenFilter.class);
        }
        return http.build();
    }

    /**
     * Authenticates {@code Authorization: Bearer kysc_...} (a registered system's token); any
     * other request passes on to the accounts' bearer and Basic checks.
     */
    static final class ClientTokenFilter extends OncePerRequestFilter {

        private final ServiceClient.Tokens tokens;
        private final AuthenticationEntryPoint entryPoint;

        ClientTokenFilter(ServiceClient.Tokens tokens, AuthenticationEntryPoint entryPoint) {
            this.tokens = tokens;
            this.entryPoint = entryPoint;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            String scheme = "Bearer " + ServiceClient.Tokens.PREFIX;
            if (header == null || !header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                chain.doFilter(request, response);
                return;
            }
            var client = tokens.authenticate(header.substring("Bearer ".length()).strip());
            if (client.isEmpty()) {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, new BadCredentialsException("invalid client token"));
                return;
            }
            SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ServiceClient.ROLE))));
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            // the accounts' bearer check further on would refuse a token that is not an account's
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getHeader(String name) {
                    return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
                }
            }, response);
        }
    }

    /** 401 and 403 in the CSC error format, written at once (no error dispatch). */
    static final class CscErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ProblemEntryPoint.CHALLENGE);
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token",
                    "The access or service token is missing, invalid or expired");
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException {
            write(response, HttpServletResponse.SC_FORBIDDEN, "access_denied",
                    "The account may not sign through this API");
        }

        private static void write(HttpServletResponse response, int status, String error, String description)
                throws IOException {
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
        }
    }
}
