package vn.kyso.server.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;

/**
 * Issue 13, separation of duties for identity: with dual control on (the production default), an
 * admin alone can neither issue a certificate in a person's name nor link an account to a
 * subscriber nor make a second approver; another admin or a registration officer approves, never
 * the requester, and everything is in the audit log.
 */
class DualControlTest extends KysoServerTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    Approvals approvals;

    @Autowired
    CertificateAuthority ca;

    private String secondAdmin;
    private String registrar;

    @BeforeEach
    void dualControlOn() {
        approvals.enabled(true);
        secondAdmin = person("qt2", Set.of(Role.ADMIN));
        registrar = person("dk", Set.of(Role.REGISTRAR));
    }

    @AfterEach
    void dualControlOff() {
        approvals.enabled(false);
    }

    @Test
    void anAdminAloneCannotIssueACertificateInAPersonsNameAndCannotApproveTheirOwnRequest() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        long subscriber = officerSubscriber();

        HttpResponse<String> asked = admin.postJson("/api/v1/certificates/custody",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        long id = TestHttp.json(asked).get("id").asLong();
        assertThat(asked.headers().firstValue("Location")).hasValue("/api/v1/approvals/" + id);
        assertThat(TestHttp.json(asked).get("status").asString()).isEqualTo("PENDING");
        assertThat(issuedTo(subscriber)).isZero();

        HttpResponse<String> own = admin.postJson("/api/v1/approvals/" + id + "/approve", "{}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.body()).contains("OWN_REQUEST");
        // an officer or an auditor is no second person
        assertThat(http().basic(account("officer", Role.OFFICER), USER_PASSWORD)
                .postJson("/api/v1/approvals/" + id + "/approve", "{}").statusCode()).isEqualTo(403);
        assertThat(http().basic(auditor(), USER_PASSWORD)
                .postJson("/api/v1/approvals/" + id + "/approve", "{}").statusCode()).isEqualTo(403);
        assertThat(issuedTo(subscriber)).isZero();

        long before = lastAuditSeq();
        HttpResponse<String> approved = http().basic(registrar, USER_PASSWORD)
                .postJson("/api/v1/approvals/" + id + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(TestHttp.json(approved).get("status").asString()).isEqualTo("APPROVED");
        assertThat(TestHttp.json(approved).get("decidedBy").asString()).isEqualTo(registrar);
        assertThat(TestHttp.json(approved).get("outcome").asString()).startsWith("certificate ");
        assertThat(issuedTo(subscriber)).isEqualTo(1);
        assertThat(http().basic(secondAdmin, USER_PASSWORD)
                .postJson("/api/v1/approvals/" + id + "/approve", "{}").statusCode()).isEqualTo(409);

        List<AuditEntry> audit = ca.auditLog(before, 100);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("IDENTITY_APPROVED");
            assertThat(e.actor()).isEqualTo(registrar);
            assertThat(e.details()).contains("requested by admin");
        });
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("CERTIFICATE_ISSUED");
            assertThat(e.actor()).isEqualTo("admin");
        });
        assertAuditChainIntact();
    }

    @Test
    void aCertificateFromACsrAndARekeyWaitToo_andARejectedRequestIssuesNothing() throws Exception {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        long subscriber = officerSubscriber();
        HttpResponse<String> asked = admin.postJson("/api/v1/certificates",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\",\"csr\":\"" + csr() + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        long id = TestHttp.json(asked).get("id").asLong();

        HttpResponse<String> rejected = http().basic(secondAdmin, USER_PASSWORD)
                .postJson("/api/v1/approvals/" + id + "/reject", "{}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(TestHttp.json(rejected).get("status").asString()).isEqualTo("REJECTED");
        assertThat(http().basic(registrar, USER_PASSWORD).postJson("/api/v1/approvals/" + id + "/approve", "{}")
                .statusCode()).isEqualTo(409);
        assertThat(issuedTo(subscriber)).isZero();

        // a certificate issued earlier cannot be re-keyed to the admin's key alone either
        approvals.enabled(false);
        String serial = TestHttp.json(admin.postJson("/api/v1/certificates/custody",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\"}")).get("serial").asString();
        approvals.enabled(true);
        HttpResponse<String> rekey = admin.postJson("/api/v1/certificates/" + serial + "/rekey",
                "{\"csr\":\"" + csr() + "\"}");
        assertThat(rekey.statusCode()).as(rekey.body()).isEqualTo(202);
        assertThat(TestHttp.json(admin.get("/api/v1/certificates/" + serial)).get("status").asString()).isEqualTo("ACTIVE");
        HttpResponse<String> approved = http().basic(secondAdmin, USER_PASSWORD)
                .postJson("/api/v1/approvals/" + TestHttp.json(rekey).get("id").asLong() + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(TestHttp.json(admin.get("/api/v1/certificates/" + serial)).get("status").asString()).isEqualTo("REVOKED");
    }

    @Test
    void linkingAnAccountToASubscriberWaitsForASecondPersonWhoCannotBeTheAccountItself() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        long subscriber = officerSubscriber();
        String username = "lk-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.postJson("/api/v1/accounts", "{\"username\":\"" + username
                + "\",\"displayName\":\"Cán bộ\",\"password\":\"Mot-lan-" + username + "\",\"roles\":[\"OFFICER\"],"
                + "\"subscriberId\":\"" + subscriber + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TestHttp.json(created).get("subscriberId").isNull()).isTrue();
        String request = created.headers().firstValue("Kyso-Approval-Request").orElseThrow();
        long accountId = TestHttp.json(created).get("id").asLong();
        assertThat(admin.postJson(request + "/approve", "{}").statusCode()).isEqualTo(403);
        assertThat(accounts.get(accountId).subscriberId()).isNull();
        HttpResponse<String> approved = http().basic(registrar, USER_PASSWORD).postJson(request + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(accounts.get(accountId).subscriberId()).isEqualTo(String.valueOf(subscriber));

        // the registrar's own account linked to a subscriber: the registrar cannot approve it
        HttpResponse<String> own = admin.putJson("/api/v1/accounts/" + accounts.find(registrar).orElseThrow().id()
                + "/subscriber", "{\"subscriberId\":\"" + officerSubscriber() + "\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
        HttpResponse<String> refused = http().basic(registrar, USER_PASSWORD)
                .postJson("/api/v1/approvals/" + TestHttp.json(own).get("id").asLong() + "/approve", "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("OWN_REQUEST");
        // unlinking takes nothing from anyone: at once
        HttpResponse<String> unlinked = admin.putJson("/api/v1/accounts/" + accountId + "/subscriber", "{\"subscriberId\":\"\"}");
        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(200);
        assertThat(accounts.get(accountId).subscriberId()).isNull();
    }

    @Test
    void anAdminAloneCannotMakeASecondApprover() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        String username = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> onlyAdmin = admin.postJson("/api/v1/accounts", "{\"username\":\"" + username
                + "\",\"displayName\":\"Đồng phạm\",\"password\":\"Mot-lan-" + username + "\",\"roles\":[\"ADMIN\"]}");
        assertThat(onlyAdmin.statusCode()).as(onlyAdmin.body()).isEqualTo(409);
        assertThat(onlyAdmin.body()).contains("ROLE_NEEDS_APPROVAL");

        HttpResponse<String> created = admin.postJson("/api/v1/accounts", "{\"username\":\"" + username
                + "\",\"displayName\":\"Đồng phạm\",\"password\":\"Mot-lan-" + username + "\",\"roles\":[\"OFFICER\",\"REGISTRAR\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = TestHttp.json(created).get("id").asLong();
        assertThat(accounts.get(id).roles()).containsExactly(Role.OFFICER);
        HttpResponse<String> grant = admin.putJson("/api/v1/accounts/" + id + "/roles", "{\"roles\":[\"OFFICER\",\"ADMIN\"]}");
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(202);
        assertThat(accounts.get(id).roles()).containsExactly(Role.OFFICER);
        // a role that approves nothing is granted at once
        assertThat(admin.putJson("/api/v1/accounts/" + id + "/roles", "{\"roles\":[\"OFFICER\",\"AUDITOR\"]}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> approved = http().basic(secondAdmin, USER_PASSWORD)
                .postJson("/api/v1/approvals/" + TestHttp.json(grant).get("id").asLong() + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(accounts.get(id).roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.ADMIN);
    }

    @Test
    void anAdminAloneCannotResetAPasswordToLogInAsItsHolder() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        String officer = person("cb", Set.of(Role.OFFICER));
        long id = accounts.find(officer).orElseThrow().id();
        HttpResponse<String> reset = admin.putJson("/api/v1/accounts/" + id + "/password",
                "{\"oneTimePassword\":\"Quan-tri-biet-2026\"}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(202);
        assertThat(reset.body()).doesNotContain("Quan-tri-biet-2026").doesNotContain("$2");
        // nothing changed yet: the holder's password works, the admin's does not
        assertThat(http().basic(officer, USER_PASSWORD).get("/api/v1/account").statusCode()).isEqualTo(200);
        assertThat(http().basic(officer, "Quan-tri-biet-2026").get("/api/v1/account").statusCode()).isEqualTo(401);

        HttpResponse<String> approved = http().basic(secondAdmin, USER_PASSWORD)
                .postJson("/api/v1/approvals/" + TestHttp.json(reset).get("id").asLong() + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(http().basic(officer, USER_PASSWORD).get("/api/v1/account").statusCode()).isEqualTo(401);
        assertThat(accounts.get(id).mustChangePassword()).isTrue();
    }

    @Test
    void theApprovalPageListsOthersRequestsToApproveInVietnameseAndEnglish() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        long subscriber = officerSubscriber();
        long id = TestHttp.json(admin.postJson("/api/v1/certificates/custody",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\"}")).get("id").asLong();

        TestHttp requester = http();
        requester.login("admin", ADMIN_PASSWORD);
        String own = requester.get("/approvals").body();
        assertThat(own).contains("Phê duyệt yêu cầu", "Cấp chứng thư số (khóa do kyso giữ)", "Cần người khác phê duyệt")
                .doesNotContain("/approvals/" + id + "/approve");

        TestHttp browser = http();
        browser.login(registrar, USER_PASSWORD);
        String page = browser.get("/approvals").body();
        assertThat(page).contains("request-" + id, "/approvals/" + id + "/approve", "Từ chối");
        assertThat(browser.get("/approvals?lang=en").body()).contains("Approve requests", "Waiting for approval",
                "Issue a certificate (key kept by kyso)");
        String csrf = browser.csrfToken("/approvals");
        HttpResponse<String> approved = browser.postForm("/approvals/" + id + "/approve", Map.of("_csrf", csrf));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(browser.get("/approvals?lang=vi").body()).contains("Đã phê duyệt yêu cầu số " + id);
        assertThat(issuedTo(subscriber)).isEqualTo(1);
        // the admin's console issuance waits too
        TestHttp console = http();
        console.login("admin", ADMIN_PASSWORD);
        HttpResponse<String> issued = console.postForm("/admin/certificates/issue", Map.of("_csrf",
                console.csrfToken("/admin/certificates/issue"), "subscriberId", String.valueOf(subscriber),
                "profile", "personal", "method", "custody"));
        assertThat(issued.statusCode()).isEqualTo(302);
        String location = issued.headers().firstValue("Location").orElseThrow();
        assertThat(console.get(location.substring(location.indexOf("/admin/"))).body())
                .contains("đang chờ người thứ hai phê duyệt");
        assertThat(issuedTo(subscriber)).isEqualTo(1);
    }

    private long issuedTo(long subscriber) {
        return ca.certificates(new CertificateQuery(subscriber, null, null, 100, 0)).size();
    }

    private long officerSubscriber() {
        String unit = ca.units(LocalDate.now()).get(0).code();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return ca.registerOfficer("test", new NewOfficer("Trần Văn " + tag, "Chuyên viên", twelveDigits(),
                "cb-" + tag + "@camau.gov.vn", unit)).id();
    }

    /** A second person (admin or registrar) set up as tests set up accounts, with {@link #USER_PASSWORD}. */
    private String person(String prefix, Set<Role> roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = accounts.create("test", new NewAccount(username, "Người " + username, "Mot-lan-" + username,
                roles, null));
        accounts.changePassword(created.id(), "Mot-lan-" + username, USER_PASSWORD);
        return username;
    }

    private static String twelveDigits() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    private static String csr() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Can bo"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())).getEncoded();
        return Base64.getEncoder().encodeToString(der);
    }
}
