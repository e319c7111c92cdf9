package vn.kyso.server.signing;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.server.security.Account;
import vn.kyso.server.security.AccountException;
import vn.kyso.server.security.Accounts;
import vn.kyso.server.signing.SigningRefusedException.Reason;

/**
 * The admin's side of agency certificates: who are the clerks (văn thư) allowed to sign with
 * one, and the seal image its "issue" step draws. Every change is written to the CA's audit chain.
 */
@Service
public class AgencyClerks {

    private final CertificateAuthority ca;
    private final SigningStore store;
    private final Accounts accounts;

    AgencyClerks(CertificateAuthority ca, SigningStore store, Accounts accounts) {
        this.ca = ca;
        this.store = store;
        this.accounts = accounts;
    }

    /** The usernames of the certificate's clerks. */
    public List<String> clerks(String serialHex) {
        String serial = agencyCertificate(serialHex).serialHex();
        return store.clerks(serial).stream().map(id -> accounts.get(id).username()).toList();
    }

    public void addClerk(String actor, String serialHex, String username) {
        String serial = agencyCertificate(serialHex).serialHex();
        Account account = account(username);
        store.addClerk(serial, account.id());
        ca.audit(actor, "AGENCY_CLERK_ADDED", serial, account.username());
    }

    public void removeClerk(String actor, String serialHex, String username) {
        String serial = agencyCertificate(serialHex).serialHex();
        Account account = account(username);
        if (store.removeClerk(serial, account.id())) {
            ca.audit(actor, "AGENCY_CLERK_REMOVED", serial, account.username());
        }
    }

    /** Stores the seal image (transparent PNG) drawn over the leader's signature when issuing. */
    public void setSeal(String actor, String serialHex, byte[] png, double diameterMm) {
        String serial = agencyCertificate(serialHex).serialHex();
        // the same checks as at signing time, so a bad image is refused now, not at the clerk's desk
        new vn.kyso.signing.VisibleSignature.AgencySeal(png, diameterMm,
                new vn.kyso.signing.VisibleSignature.Placement.OverSignature(0));
        store.putSeal(serial, png, diameterMm);
        ca.audit(actor, "AGENCY_SEAL_SET", serial, diameterMm + " mm");
    }

    private CertificateRecord agencyCertificate(String serialHex) {
        return ca.certificate(SigningCertificates.parseSerial(serialHex))
                .filter(r -> r.kind() == CertificateKind.AGENCY)
                .orElseThrow(() -> new SigningRefusedException(Reason.WRONG_CERTIFICATE_KIND,
                        "not an agency certificate", "AGENCY"));
    }

    private Account account(String username) {
        return accounts.find(username).orElseThrow(() ->
                new AccountException(AccountException.ErrorCode.NOT_FOUND, "no account " + username));
    }
}
