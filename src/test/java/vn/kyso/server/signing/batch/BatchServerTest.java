package vn.kyso.server.signing.batch;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;

/** The shared test server, with officers who hold a custody certificate under {@link BatchTestSupport#PIN}. */
abstract class BatchServerTest extends KysoServerTest {

    @Autowired
    CertificateAuthority ca;

    /** An officer's account and custody certificate. */
    record Officer(String username, CertificateRecord certificate) {
    }

    /** A new officer account linked to a new CA subscriber holding a custody certificate; its username. */
    String newOfficer(String prefix) {
        return officer(prefix).username();
    }

    Officer officer(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = ca.units(LocalDate.now()).get(0).code();
        long subscriber = ca.registerOfficer("test", new NewOfficer("Trần Thị " + prefix, "Chuyên viên",
                BatchTestSupport.twelveDigits(), username + "@camau.gov.vn", unit)).id();
        CertificateRecord certificate = ca.issueWithCustody("test", new CustodyIssueRequest(subscriber, "personal", false));
        ca.choosePin(username, certificate.serial(), BatchTestSupport.PIN.toCharArray());
        var account = accounts.create("test", new NewAccount(username, "Cán bộ " + prefix, "Mot-lan-" + username,
                Set.of(Role.OFFICER), String.valueOf(subscriber)));
        accounts.changePassword(account.id(), "Mot-lan-" + username, USER_PASSWORD);
        return new Officer(username, certificate);
    }
}
