package vn.kyso.server.security;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Three filter chains, each denying whatever its rules do not allow:
 * <ol>
 * <li>protocol endpoints (OCSP, CRL, CA certificates, TSA): public, stateless, no CSRF, because
 *     relying parties (readers, openssl, other CAs) call them without an account;</li>
 * <li>the API, actuator and OpenAPI description: stateless, bearer tokens or HTTP Basic, errors as
 *     problem responses;</li>
 * <li>the console: form login, session, CSRF on every form post.</li>
 * </ol>
 * Public by decision: {@code /actuator/health} (status only, details for ADMIN: load balancers
 * need it), the OpenAPI description and Swagger UI (they document, they hold no data), the
 * verification page and {@code POST /api/v1/verifications}. {@code /actuator/prometheus} needs
 * ADMIN or AUDITOR (usage counts per agency are not for everyone; Prometheus scrapes with
 * {@code basic_auth} or {@code authorization: Bearer}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String OFFICER = Role.OFFICER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String REGISTRAR = Role.REGISTRAR.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default, and the prefix lets a later release move to argon2 without a reset
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Password, then the admin's second factor when enrolled (issue 13), for form login and HTTP Basic alike. */
    @Bean
    org.springframework.security.authentication.AuthenticationProvider passwordAndSecondFactor(
            KysoUserDetailsService users, PasswordEncoder encoder, SecondFactor factor) {
        return new SecondFactor.Provider(users, encoder, factor);
    }

    /**
     * OCSP over GET carries the URL-encoded base64 request as a path segment, where '/' is
     * %2F (and "//" is %2F%2F): the firewall must let those through.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        return firewall;
    }

    /**
     * Issue 13: no page leaks its URL to another site (Referrer-Policy), and over https (directly or
     * from a trusted proxy, server.forward-headers-strategy) browsers are told to stay on https
     * for a year (HSTS; Spring sends it on secure requests only).
     */
    private static org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
            transportHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        return h.referrerPolicy(r -> r.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    @Bean
    @Order(1)
    SecurityFilterChain protocolSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/ocsp", "/ocsp/**", "/crl/**", "/ca/**", "/tsa")
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .headers(SecurityConfiguration::transportHeaders)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, AccountStore accounts, LoginThrottle throttle)
            throws Exception {
        ProblemEntryPoint problems = new ProblemEntryPoint();
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html")
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/verifications").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers("/api/v1/account/**", "/api/v1/tokens/**").authenticated()
                        .requestMatchers("/api/v1/signatures/**").hasRole(OFFICER)
                        // issue 13: second-person approval of identity requests
                        .requestMatchers("/api/v1/approvals", "/api/v1/approvals/**").hasAnyRole(ADMIN, REGISTRAR)
                        // issue 15: long-term extension of any signed PDF (no key involved)
                        .requestMatchers(HttpMethod.POST, "/api/v1/extensions").hasAnyRole(OFFICER, ADMIN)
                        // the owner's one export of a custody key (ownership checked by the feature); an admin
                        // cannot take an officer's key (docs/decisions.md)
                        .requestMatchers(HttpMethod.POST, "/api/v1/certificates/*/pkcs12").hasRole(OFFICER)
                        // usage reports and feeding the usage inventory: auditors' work, and the admin's
                        .requestMatchers("/api/v1/usage/**", "/api/v1/reports/**").hasAnyRole(ADMIN, AUDITOR)
                        // reading the CA, reports and the audit log: admin and auditor
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(ADMIN, AUDITOR)
                        // every other change: admin only (an auditor changes nothing)
                        .requestMatchers("/api/v1/**").hasRole(ADMIN)
                        .anyRequest().denyAll())
                .headers(SecurityConfiguration::transportHeaders)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("kyso").authenticationEntryPoint(problems)
                        .authenticationDetailsSource(SecondFactor.Details::new))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, true), BasicAuthenticationFilter.class)
                .addFilterBefore(new AccountStandingFilter(accounts, true), AuthorizationFilter.class)
                .addFilterBefore(PasswordChangeGate.forApi(), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AccountStore accounts, LoginThrottle throttle)
            throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/favicon.svg", "/webjars/**").permitAll()
                        .requestMatchers("/verify", "/verify/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers("/approvals", "/approvals/**").hasAnyRole(ADMIN, REGISTRAR)
                        // issue 13: the second factor is the admins' (other accounts have nothing to enrol)
                        .requestMatchers("/account/totp", "/account/totp/**").hasRole(ADMIN)
                        .requestMatchers("/sign/**").hasRole(OFFICER)
                        .requestMatchers("/reports/**").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/", "/account/**").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .authenticationDetailsSource(SecondFactor.Details::new))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> transportHeaders(headers).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'")))
                .addFilterBefore(new LoginThrottleFilter(throttle, false),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountStandingFilter(accounts, false), AuthorizationFilter.class)
                .addFilterBefore(PasswordChangeGate.forConsole(), AuthorizationFilter.class);
        return http.build();
    }
}
