package vn.kyso.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.server.CaFootprint;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/**
 * An auditor changes nothing, an officer changes nothing but his own signing: every
 * state-changing endpoint the controllers map (read from Spring's handler mapping, so a new one
 * is covered the day it is added) is tried as AUDITOR and as OFFICER, the API with HTTP Basic and
 * the console with a logged-in session and its CSRF token, with a body that an admin's request
 * would succeed with where it matters. Each must be 403, and the CA, its certificates and the
 * accounts must be as they were.
 */
class StateChangesByRoleTest extends KysoServerTest {

    private static final Set<RequestMethod> CHANGES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    /** The CA's changes the brief of these rules names; the scan must find them all or it sees too little. */
    private static final List<String> CA_CHANGES = List.of("POST /api/v1/certificates",
            "POST /api/v1/certificates/custody", "POST /api/v1/certificates/{serial}/suspend",
            "POST /api/v1/certificates/{serial}/release", "POST /api/v1/certificates/{serial}/revoke",
            "POST /api/v1/certificates/{serial}/renew", "POST /api/v1/certificates/{serial}/rekey",
            "POST /api/v1/certificates/{serial}/custody-rekey", "POST /api/v1/subscribers/{id}/revoke-all",
            "POST /api/v1/subscribers/officers", "POST /api/v1/subscribers/agencies", "POST /api/v1/units",
            "POST /api/v1/units/{id}/close", "POST /api/v1/crl", "POST /api/v1/accounts",
            "PUT /api/v1/accounts/{id}/enabled", "PUT /api/v1/accounts/{id}/subscriber", "POST /admin/certificates/issue",
            "POST /admin/certificates/{serial}/revoke", "POST /admin/units", "POST /admin/subscribers/officers",
            "POST /admin/accounts", "POST /admin/accounts/{id}/enabled");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void auditorsAndOfficersAreRefusedEveryChangeOutsideTheirOwnWorkAndNothingIsWritten() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        Targets targets = Targets.prepare(admin);
        Map<String, TestHttp> api = Map.of(auditor(), http().basic(auditor(), USER_PASSWORD), officer(),
                http().basic(officer(), USER_PASSWORD));
        Map<String, TestHttp> console = new LinkedHashMap<>();
        Map<String, String> csrf = new LinkedHashMap<>();
        for (String user : List.of(auditor(), officer())) {
            TestHttp browser = http();
            assertThat(browser.login(user, USER_PASSWORD).statusCode()).isEqualTo(302);
            console.put(user, browser);
            csrf.put(user, browser.csrfToken("/account/password"));
        }
        Set<String> changes = stateChangingEndpoints();
        assertThat(changes).containsAll(CA_CHANGES);
        CaFootprint before = CaFootprint.of(admin); // after the logins, which the audit log records

        List<String> allowed = new ArrayList<>();
        for (String change : changes) {
            String method = change.substring(0, change.indexOf(' '));
            String pattern = change.substring(change.indexOf(' ') + 1);
            for (Role role : List.of(Role.AUDITOR, Role.OFFICER)) {
                if (publicOrOwnWork(pattern, role)) {
                    continue;
                }
                String user = role == Role.AUDITOR ? auditor() : officer();
                String path = targets.path(pattern);
                HttpResponse<String> response = pattern.startsWith("/api/") || pattern.startsWith("/csc/")
                        ? send(api.get(user), method, path, targets.json(change))
                        : console.get(user).postForm(path, targets.form(change, csrf.get(user)));
                if (response.statusCode() != 403) {
                    allowed.add(change + " as " + role + ": " + response.statusCode() + " " + response.body());
                }
            }
        }

        assertThat(allowed).isEmpty();
        before.assertNothingWritten();
        // the 403s above were the role's: the same sessions and token pass where the role may go
        for (String user : console.keySet()) {
            assertThat(console.get(user).postForm("/account/password", Map.of("_csrf", csrf.get(user),
                    "currentPassword", "x", "newPassword", "Mot-Khac-2026-abc", "confirmPassword", "Khong-Khop-2026"))
                    .statusCode()).as(user).isEqualTo(200);
        }
    }

    /** Every method and path pattern of a mapped handler that may change state, as "POST /api/v1/crl". */
    private Set<String> stateChangingEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? CHANGES : methods) {
                    if (CHANGES.contains(method)) {
                        endpoints.add(method + " " + pattern);
                    }
                }
            }
        }
        return endpoints;
    }

    /**
     * What docs/web.md's rules give a role besides the admin: anyone's public calls (protocols,
     * verification, the error page), any account's own password and tokens, the officer's signing,
     * the auditor's feeding of the usage inventory and reports (their own job, so
     * {@code /api/v1/usage/**} and {@code /api/v1/reports/**} take an auditor's POST).
     */
    private static boolean publicOrOwnWork(String pattern, Role role) {
        if (List.of("/ocsp", "/tsa", "/verify", "/api/v1/verifications", "/error").contains(pattern)
                || pattern.equals("/account/password") || pattern.startsWith("/api/v1/account/")
                || pattern.equals("/api/v1/tokens") || pattern.startsWith("/api/v1/tokens/")
                // CSC API: discovery and a system's own authentication are public; auth/login is an
                // account's own token, as /api/v1/tokens
                || List.of("/csc/v2/info", "/csc/v2/oauth2/token", "/csc/v2/auth/login").contains(pattern)) {
            return true;
        }
        return switch (role) {
            case OFFICER -> under(pattern, "/api/v1/signatures") || under(pattern, "/sign")
                    || under(pattern, "/csc/v2") || pattern.equals("/api/v1/extensions");
            case AUDITOR -> under(pattern, "/api/v1/usage") || under(pattern, "/api/v1/reports")
                    || under(pattern, "/reports");
            case ADMIN, REGISTRAR -> true;
        };
    }

    private static boolean under(String pattern, String prefix) {
        return pattern.equals(prefix) || pattern.startsWith(prefix + "/");
    }

    private static HttpResponse<String> send(TestHttp user, String method, String path, String json) {
        return switch (method) {
            case "POST" -> user.postJson(path, json);
            case "PUT" -> user.putJson(path, json);
            case "DELETE" -> user.delete(path);
            default -> throw new AssertionError("no way to send " + method + " " + path + " yet");
        };
    }

    /**
     * Real things to aim at, made by the admin: an officer, an active custody certificate and a
     * suspended one (for release), a unit, the admin's own account, a valid PKCS#10 request.
     */
    private record Targets(long subscriber, String active, String held, long unitId, String unitCode,
            long adminAccount, String csr) {

        static Targets prepare(TestHttp admin) {
            JsonNode unit = TestHttp.json(admin.get("/api/v1/units")).get(0);
            HttpResponse<String> officer = admin.postJson("/api/v1/subscribers/officers", "{\"fullName\":\"Đỗ Thị Quyền\","
                    + "\"positionTitle\":\"Chuyên viên\",\"cccd\":\"079201013131\",\"email\":\"dtq@camau.gov.vn\","
                    + "\"unitCode\":\"" + unit.get("code").asString() + "\"}");
            assertThat(officer.statusCode()).as(officer.body()).isEqualTo(201);
            long subscriber = TestHttp.json(officer).get("id").asLong();
            String active = custodyCertificate(admin, subscriber);
            String held = custodyCertificate(admin, subscriber);
            assertThat(admin.postJson("/api/v1/certificates/" + held + "/suspend", "").statusCode()).isEqualTo(200);
            long adminAccount = TestHttp.json(admin.get("/api/v1/accounts")).valueStream()
                    .filter(a -> a.get("username").asString().equals("admin")).findFirst().orElseThrow()
                    .get("id").asLong();
            String csr = Base64.getEncoder().encodeToString(Csrs.csr(Csrs.ecP256()));
            return new Targets(subscriber, active, held, unit.get("id").asLong(), unit.get("code").asString(),
                    adminAccount, csr);
        }

        private static String custodyCertificate(TestHttp admin, long subscriber) {
            HttpResponse<String> issued = admin.postJson("/api/v1/certificates/custody",
                    "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            return TestHttp.json(issued).get("serial").asString();
        }

        String path(String pattern) {
            String id = pattern.contains("/subscribers/") ? Long.toString(subscriber)
                    : pattern.contains("/units/") ? Long.toString(unitId)
                    : pattern.contains("/accounts/") ? Long.toString(adminAccount) : "1";
            return pattern.replace("{serial}", pattern.endsWith("/release") ? held : active)
                    .replace("{id}", id).replace("{username}", "officer").replace("{number}", "1")
                    .replace("{clientId}", "kyso-client-none");
        }

        /** A JSON body an admin's request would succeed with; {} where the body does not matter. */
        String json(String change) {
            String today = LocalDate.now().toString();
            return switch (change) {
                case "POST /api/v1/certificates" -> "{\"subscriberId\":" + subscriber
                        + ",\"profile\":\"personal\",\"csr\":\"" + csr + "\"}";
                case "POST /api/v1/certificates/custody" -> "{\"subscriberId\":" + subscriber
                        + ",\"profile\":\"personal\"}";
                case "POST /api/v1/certificates/{serial}/revoke" -> "{\"reason\":\"keyCompromise\"}";
                case "POST /api/v1/certificates/{serial}/rekey" -> "{\"csr\":\"" + csr + "\"}";
                case "POST /api/v1/subscribers/{id}/revoke-all" -> "{\"reason\":\"affiliationChanged\"}";
                case "POST /api/v1/subscribers/officers" -> "{\"fullName\":\"Đỗ Văn Thử\",\"positionTitle\":\"Chuyên viên\","
                        + "\"cccd\":\"079201013232\",\"email\":\"dvt@camau.gov.vn\",\"unitCode\":\"" + unitCode + "\"}";
                case "POST /api/v1/subscribers/agencies" -> "{\"name\":\"Sở Thử nghiệm\",\"parentBody\":\"Ủy ban nhân dân"
                        + " tỉnh Cà Mau\",\"mst\":\"2000013232\",\"email\":\"stn@camau.gov.vn\",\"unitCode\":\""
                        + unitCode + "\"}";
                case "POST /api/v1/units" -> "{\"code\":\"THU-QUYEN\",\"name\":\"Phòng Thử quyền\",\"kind\":\"AGENCY\","
                        + "\"validFrom\":\"" + today + "\"}";
                case "POST /api/v1/units/{id}/close" -> "{\"lastDay\":\"" + today + "\"}";
                case "POST /api/v1/accounts" -> "{\"username\":\"quyen-thu\",\"displayName\":\"Quyền Thử\","
                        + "\"password\":\"Mot-lan-quyen-2026\",\"roles\":[\"ADMIN\"]}";
                case "PUT /api/v1/accounts/{id}/enabled" -> "{\"enabled\":false}";
                case "PUT /api/v1/accounts/{id}/subscriber" -> "{\"subscriberId\":\"" + subscriber + "\"}";
                default -> "{}";
            };
        }

        /** The console form's fields, with the CSRF token, that an admin's post would succeed with. */
        Map<String, String> form(String change, String csrf) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", csrf);
            switch (change) {
                case "POST /admin/certificates/issue" -> fields.putAll(Map.of("subscriberId",
                        Long.toString(subscriber), "profile", "personal", "method", "custody", "pin", "246810"));
                case "POST /admin/certificates/{serial}/revoke" -> fields.put("reason", "KEY_COMPROMISE");
                case "POST /admin/units" -> fields.putAll(Map.of("code", "THU-QUYEN", "name", "Phòng Thử quyền",
                        "kind", "AGENCY", "validFrom", LocalDate.now().toString()));
                case "POST /admin/subscribers/officers" -> fields.putAll(Map.of("fullName", "Đỗ Văn Thử",
                        "positionTitle", "Chuyên viên", "cccd", "079201013232", "email", "dvt@camau.gov.vn",
                        "unitCode", unitCode));
                case "POST /admin/subscribers/agencies" -> fields.putAll(Map.of("name", "Sở Thử nghiệm",
                        "parentBody", "Ủy ban nhân dân tỉnh Cà Mau", "mst", "2000013232", "unitCode", unitCode));
                case "POST /admin/accounts" -> fields.putAll(Map.of("username", "quyen-thu", "displayName",
                        "Quyền Thử", "password", "Mot-lan-quyen-2026", "roles", "ADMIN"));
                case "POST /admin/accounts/{id}/enabled" -> fields.put("enabled", "false");
                case "POST /admin/accounts/{id}/subscriber" -> fields.put("subscriberId", Long.toString(subscriber));
                default -> {
                }
            }
            return fields;
        }
    }
}
