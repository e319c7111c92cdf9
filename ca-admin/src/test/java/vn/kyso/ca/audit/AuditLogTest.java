package vn.kyso.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.AuditVerification;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class AuditLogTest {

    @TempDir
    Path dir;

    private TestCa withHistory(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000040");
        var serial = t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256())))
                .serial();
        t.ca.suspend("admin", serial);
        t.ca.revoke("admin", serial, RevocationReason.KEY_COMPROMISE);
        t.ca.audit("admin", "LOGIN", "account:admin", "console");
        return t;
    }

    @DatabaseTest
    void everyEntryHoldsTheHashOfTheOneBeforeAndTheChainVerifies(TestDatabase db) {
        TestCa t = withHistory(db);
        List<AuditEntry> entries = t.ca.auditLog(0, 1000);

        assertThat(entries).extracting(AuditEntry::action).contains("HIERARCHY_CREATED", "OFFICER_REGISTERED",
                "CERTIFICATE_ISSUED", "CERTIFICATE_SUSPENDED", "CERTIFICATE_REVOKED", "LOGIN");
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
            assertThat(entries.get(i).seq()).isEqualTo(entries.get(i - 1).seq() + 1);
        }
        AuditVerification verification = t.ca.verifyAuditChain();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(entries.size());
    }

    @DatabaseTest
    void aChangedEntryIsNamedAsTheFirstBrokenOne(TestDatabase db) {
        TestCa t = withHistory(db);
        long target = t.ca.auditLog(0, 1000).stream().filter(e -> e.action().equals("CERTIFICATE_SUSPENDED"))
                .findFirst().orElseThrow().seq();

        db.execute("UPDATE ca_audit SET actor = 'someone-else' WHERE seq = " + target);

        AuditVerification verification = t.ca.verifyAuditChain();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(target);
        assertThat(verification.problem()).contains("hash");
    }

    @DatabaseTest
    void aRemovedEntryBreaksTheChainAtTheGap(TestDatabase db) {
        TestCa t = withHistory(db);
        long last = t.ca.auditLog(0, 1000).get(t.ca.auditLog(0, 1000).size() - 1).seq();

        db.execute("DELETE FROM ca_audit WHERE seq = " + (last - 1));

        AuditVerification verification = t.ca.verifyAuditChain();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(last);
    }
}
