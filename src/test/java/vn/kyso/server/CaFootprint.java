package vn.kyso.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What the CA and the accounts hold, read over the API by an admin, to show that refused
 * requests wrote nothing: the audit log's length (every change of the CA writes its entry in the
 * change's own transaction: units, subscribers, certificates, CRLs, PIN resets, clerks), every
 * certificate with its status, and the accounts (which are not in the CA's audit log).
 */
public final class CaFootprint {

    private final TestHttp admin;
    private final long auditEntries;
    private final List<String> certificates;
    private final String accounts;

    private CaFootprint(TestHttp admin) {
        this.admin = admin;
        JsonNode verification = TestHttp.json(admin.get("/api/v1/audit/verification"));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        this.auditEntries = verification.get("entriesChecked").asLong();
        this.certificates = certificates(admin);
        this.accounts = admin.get("/api/v1/accounts").body();
    }

    /** The footprint now, read with an admin's client. */
    public static CaFootprint of(TestHttp admin) {
        return new CaFootprint(admin);
    }

    /**
     * Nothing was written since this footprint: no audit entry but the service's own CRL
     * re-issues (CaHousekeeping publishes one, as {@code system}, within seconds of any status
     * change, including another test's), the same certificates with the same statuses, the same
     * accounts.
     */
    public void assertNothingWritten() {
        List<String> written = new ArrayList<>();
        for (JsonNode entry : TestHttp.json(admin.get("/api/v1/audit?limit=1000&after=" + auditEntries))) {
            if (!("system".equals(entry.get("actor").asString())
                    && "CRL_PUBLISHED".equals(entry.get("action").asString()))) {
                written.add(entry.toString());
            }
        }
        assertThat(written).as("audit entries written").isEmpty();
        assertThat(certificates(admin)).as("certificates and their statuses").isEqualTo(certificates);
        assertThat(admin.get("/api/v1/accounts").body()).as("accounts").isEqualTo(accounts);
    }

    private static List<String> certificates(TestHttp admin) {
        List<String> all = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            HttpResponse<String> page = admin.get("/api/v1/certificates?limit=1000&offset=" + offset);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode certificates = TestHttp.json(page);
            certificates.forEach(c -> all.add(c.get("serial").asString() + " " + c.get("status").asString()));
            if (certificates.size() < 1000) {
                all.sort(null); // newest first is the API's order: equal times may come either way
                return all;
            }
        }
    }
}
