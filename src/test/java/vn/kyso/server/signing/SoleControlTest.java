package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.kyso.ca.NewOfficer;
import vn.kyso.server.TestHttp;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;

/**
 * Issue 13, sole control of custody keys: the PIN an admin types at issuance never opens the
 * key; only the key's holder (the officer linked to its subscriber, or a clerk named for an
 * agency key) chooses the first PIN, in their own session, and changes it with the current one;
 * a forgotten PIN or a lock is cured by a new key, never by a PIN someone else chooses.
 */
class SoleControlTest extends SigningTestSupport {

    private static final String ADMINS_PIN = "111111";

    @Test
    void aPinTheAdminTypesAtCustodyIssuanceNeverUnlocksTheKeyAndOnlyTheOfficerChoosesOne() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        String unit = ca.units(LocalDate.now()).get(0).code();
        String username = "canbo-" + UUID.randomUUID().toString().substring(0, 8);
        long subscriber = ca.registerOfficer("test", new NewOfficer("Lê Thị Duy", "Chuyên viên", twelveDigits(),
                username + "@camau.gov.vn", unit)).id();
        HttpResponse<String> issued = admin.postJson("/api/v1/certificates/custody",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\",\"pin\":\"" + ADMINS_PIN + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String serial = TestHttp.json(issued).get("serial").asString();
        var account = accounts.create("test", new NewAccount(username, "Lê Thị Duy", "Mot-lan-" + username,
                Set.of(Role.OFFICER), String.valueOf(subscriber)));
        accounts.changePassword(account.id(), "Mot-lan-" + username, USER_PASSWORD);

        // before the officer chooses: no PIN opens the key, the admin's least of all
        HttpResponse<byte[]> withAdminsPin = post(username, "/api/v1/signatures",
                multipart(Map.of("pin", ADMINS_PIN), List.of(Map.entry("file", onePagePdf()))));
        assertThat(withAdminsPin.statusCode()).as(text(withAdminsPin)).isEqualTo(409);
        assertThat(text(withAdminsPin)).contains("PIN_NOT_CHOSEN");
        // the admin cannot choose it: not an officer, and not the holder
        assertThat(admin.putJson(pinPath(serial), "{\"newPin\":\"" + ADMINS_PIN + "\"}").statusCode()).isEqualTo(403);
        // another officer cannot either
        Signer other = newOfficer("khac");
        HttpResponse<String> byOther = http().basic(other.username(), USER_PASSWORD).putJson(pinPath(serial),
                "{\"newPin\":\"" + ADMINS_PIN + "\"}");
        assertThat(byOther.statusCode()).as(byOther.body()).isEqualTo(403);
        assertThat(byOther.body()).contains("NOT_YOUR_CERTIFICATE");
        assertThat(ca.pinChosen(new BigInteger(serial, 16))).isFalse();

        TestHttp officer = http().basic(username, USER_PASSWORD);
        assertThat(TestHttp.json(officer.get("/api/v1/signatures/keys")).get(0).get("pinChosen").asBoolean()).isFalse();
        HttpResponse<String> chosen = officer.putJson(pinPath(serial), "{\"newPin\":\"" + PIN + "\"}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.body()).contains("CHOSEN").doesNotContain(PIN);
        // a second "first" PIN is a change and needs the current one
        HttpResponse<String> again = officer.putJson(pinPath(serial), "{\"newPin\":\"" + ADMINS_PIN + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(400);

        assertThat(post(username, "/api/v1/signatures", multipart(Map.of("pin", ADMINS_PIN),
                List.of(Map.entry("file", onePagePdf())))).statusCode()).isEqualTo(422);
        HttpResponse<byte[]> signed = post(username, "/api/v1/signatures", multipart(Map.of("pin", PIN),
                List.of(Map.entry("file", onePagePdf()))));
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
    }

    @Test
    void theOfficerChangesThePinWithTheCurrentOneOverTheApiAndTheConsole() {
        Signer officer = newOfficer("doipin");
        TestHttp api = http().basic(officer.username(), USER_PASSWORD);
        HttpResponse<String> wrong = api.putJson(pinPath(officer.serial()),
                "{\"currentPin\":\"000000\",\"newPin\":\"13572468\"}");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(TestHttp.json(wrong).get("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(api.putJson(pinPath(officer.serial()), "{\"currentPin\":\"" + PIN + "\",\"newPin\":\"1\"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.putJson(pinPath(officer.serial()), "{\"currentPin\":\"" + PIN + "\",\"newPin\":\"13572468\"}")
                .statusCode()).isEqualTo(200);

        TestHttp browser = http();
        browser.login(officer.username(), USER_PASSWORD);
        assertThat(browser.get("/sign/pin").body()).contains("Mã PIN của khóa ký", "Đổi mã PIN", officer.serial());
        assertThat(browser.get("/sign/pin?lang=en").body()).contains("Signing key PIN", "Change the PIN");
        String csrf = browser.csrfToken("/sign/pin");
        String action = "/sign/pin/" + officer.serial();
        assertThat(browser.postForm(action, Map.of("_csrf", csrf, "currentPin", "13572468", "newPin", "24681357",
                "confirmPin", "24681350")).body()).contains("do not match");
        assertThat(browser.postForm(action, Map.of("_csrf", csrf, "currentPin", "13572468", "newPin", "24681357",
                "confirmPin", "24681357")).body()).contains("is changed");
        assertThat(post(officer.username(), "/api/v1/signatures", multipart(Map.of("pin", "24681357"),
                List.of(Map.entry("file", onePagePdf())))).statusCode()).isEqualTo(200);
        assertThat(post(officer.username(), "/api/v1/signatures", multipart(Map.of("pin", PIN),
                List.of(Map.entry("file", onePagePdf())))).statusCode()).isEqualTo(422);
    }

    @Test
    void anAgencyKeysPinIsChosenByANamedClerkAndByNobodyElse() {
        var certificate = ca.issueWithCustody("admin",
                new vn.kyso.ca.CustodyIssueRequest(ca.registerAgency("test", new vn.kyso.ca.NewAgency(
                        "Văn phòng Sở " + UUID.randomUUID().toString().substring(0, 6), "UBND tỉnh Cà Mau",
                        twelveDigits().substring(0, 10), null, ca.units(LocalDate.now()).get(0).code())).id(),
                        "agency", false));
        String clerk = newClerk();
        String notAClerk = newClerk();
        HttpResponse<String> refused = http().basic(notAClerk, USER_PASSWORD).putJson(
                pinPath(certificate.serialHex()), "{\"newPin\":\"" + PIN + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("NOT_A_CLERK");

        // the admin names the clerk; the clerk, not the admin, chooses the PIN
        context.getBean(AgencyClerks.class).addClerk("admin", certificate.serialHex(), clerk);
        HttpResponse<String> chosen = http().basic(clerk, USER_PASSWORD).putJson(pinPath(certificate.serialHex()),
                "{\"newPin\":\"" + PIN + "\"}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(ca.pinChosen(certificate.serial())).isTrue();
    }

    @Test
    void aLockedKeyIsCuredByANewKeyWhosePinTheOfficerChoosesNotByAReset() {
        Signer officer = newOfficer("khoa");
        for (int i = 0; i < 5; i++) {
            post(officer.username(), "/api/v1/signatures", multipart(Map.of("pin", "000000"),
                    List.of(Map.entry("file", onePagePdf()))));
        }
        assertThat(ca.isKeyLocked(new BigInteger(officer.serial(), 16))).isTrue();
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        assertThat(admin.postJson("/api/v1/certificates/" + officer.serial() + "/pin-lock/reset", "{}").statusCode())
                .isIn(404, 405);

        HttpResponse<String> rekeyed = admin.postJson("/api/v1/certificates/" + officer.serial() + "/custody-rekey", "{}");
        assertThat(rekeyed.statusCode()).as(rekeyed.body()).isEqualTo(201);
        String fresh = TestHttp.json(rekeyed).get("serial").asString();
        assertThat(TestHttp.json(admin.get("/api/v1/certificates/" + officer.serial())).get("status").asString())
                .isEqualTo("REVOKED");
        assertThat(post(officer.username(), "/api/v1/signatures", multipart(Map.of("pin", PIN),
                List.of(Map.entry("file", onePagePdf())))).statusCode()).isEqualTo(409);
        assertThat(http().basic(officer.username(), USER_PASSWORD).putJson(pinPath(fresh),
                "{\"newPin\":\"" + PIN + "\"}").statusCode()).isEqualTo(200);
        assertThat(post(officer.username(), "/api/v1/signatures", multipart(Map.of("pin", PIN),
                List.of(Map.entry("file", onePagePdf())))).statusCode()).isEqualTo(200);
    }

    private static String pinPath(String serial) {
        return "/api/v1/signatures/keys/" + serial + "/pin";
    }
}
