package vn.kyso.ca.crl;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

import vn.kyso.ca.CaEvents;
import vn.kyso.ca.CaException;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CrlPublished;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.audit.AuditLog;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.hierarchy.Hierarchy;
import vn.kyso.ca.hierarchy.SigningCredential;
import vn.kyso.ca.register.CertificateRegister;

/**
 * Issues full CRLs: the issuing CA's over the certificates it signed, and the root's over the
 * CA certificates it signed (an ARL, normally empty). Each has its own table and CRL number.
 * The CRL number comes from a counter row bumped first in a READ COMMITTED transaction: its lock
 * orders publishers across instances (a number commits before the next one is drawn), and the
 * revocations are read after the bump, so a revocation committed before a CRL's number was drawn
 * is in that CRL; one committed later is in the next.
 */
public final class CrlPublisher {

    /** Which CRL: its counter, table, signer, entries, lifetime and audit action. */
    private record Scope(String counter, String table, Supplier<SigningCredential> signer,
                         Supplier<List<CertificateRegister.RevokedRow>> entries, Duration lifetime,
                         String auditAction, boolean announce) {
    }

    private final CaDatabase db;
    private final AuditLog audit;
    private final CaEvents events;
    private final Clock clock;
    private final Scope scope;

    private CrlPublisher(CaDatabase db, AuditLog audit, CaEvents events, Clock clock, Scope scope) {
        this.db = db;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.scope = scope;
    }

    /** The issuing CA's CRL, served at {@link CaSettings#crlUrl()}. */
    public static CrlPublisher issuing(CaDatabase db, CertificateRegister register, Hierarchy hierarchy,
                                       AuditLog audit, CaEvents events, Clock clock,
                                       CaSettings.Responders settings) {
        return new CrlPublisher(db, audit, events, clock, new Scope("crl_number", "ca_crl", hierarchy::issuing,
                register::revoked, settings.crlNextUpdate(), "CRL_PUBLISHED", true));
    }

    /**
     * The root's CRL, served at {@link CaSettings#rootCrlUrl()}; only for a root whose key this CA
     * holds. Not announced as {@link CrlPublished}: that event is about subscriber revocations.
     */
    public static CrlPublisher root(CaDatabase db, CertificateRegister register, SigningCredential root,
                                    AuditLog audit, CaEvents events, Clock clock, CaSettings.Responders settings) {
        return new CrlPublisher(db, audit, events, clock, new Scope("root_crl_number", "ca_root_crl", () -> root,
                register::revokedCas, settings.rootCrlNextUpdate(), "ROOT_CRL_PUBLISHED", false));
    }

    public PublishedCrl publish(String actor) {
        final int[] count = new int[1];
        PublishedCrl crl = db.inReadCommittedTransaction(() -> {
            // The number first, the revocations after: read before it, a revocation committing in
            // between would miss this CRL although the CRL's number was drawn after it.
            long number = db.nextValue(scope.counter());
            Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant nextUpdate = thisUpdate.plus(scope.lifetime());
            List<CertificateRegister.RevokedRow> revoked = scope.entries().get();
            count[0] = revoked.size();
            byte[] der = sign(number, thisUpdate, nextUpdate, revoked);
            db.jdbc().sql("INSERT INTO " + scope.table() + " (crl_number, this_update, next_update, der) "
                            + "VALUES (?, ?, ?, ?)")
                    .params(number, CaDatabase.ts(thisUpdate), CaDatabase.ts(nextUpdate), der).update();
            audit.append(actor, scope.auditAction(), Long.toString(number), "entries=" + revoked.size());
            return new PublishedCrl(number, thisUpdate, nextUpdate, der);
        });
        if (scope.announce()) {
            events.publish(new CrlPublished(crl.crlNumber(), count[0], crl.thisUpdate(), crl.nextUpdate(),
                    crl.thisUpdate()));
        }
        return crl;
    }

    /**
     * Publishes a new CRL when there is none yet or the newest has less than half its lifetime
     * left, so relying parties that cache it until nextUpdate never hold an expired one.
     */
    public Optional<PublishedCrl> publishIfDue(String actor) {
        Optional<PublishedCrl> latest = latest();
        Instant renewAt = latest.map(c -> c.nextUpdate().minus(scope.lifetime().dividedBy(2))).orElse(Instant.MIN);
        if (clock.instant().isBefore(renewAt)) {
            return Optional.empty();
        }
        return Optional.of(publish(actor));
    }

    /** The newest CRL, as served at the distribution point. */
    public Optional<PublishedCrl> latest() {
        return db.jdbc().sql("SELECT crl_number, this_update, next_update, der FROM " + scope.table()
                        + " ORDER BY crl_number DESC LIMIT 1")
                .query((rs, n) -> new PublishedCrl(rs.getLong("crl_number"), CaDatabase.instant(rs, "this_update"),
                        CaDatabase.instant(rs, "next_update"), rs.getBytes("der")))
                .optional();
    }

    private byte[] sign(long number, Instant thisUpdate, Instant nextUpdate,
                        List<CertificateRegister.RevokedRow> revoked) {
        SigningCredential issuing = scope.signer().get();
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(issuing.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (CertificateRegister.RevokedRow row : revoked) {
                RevocationReason reason = row.reason() == null ? RevocationReason.UNSPECIFIED : row.reason();
                builder.addCRLEntry(row.serial(), Date.from(row.revokedAt()), reason.code());
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing.certificate().getPublicKey()));
            return builder.build(issuing.contentSigner()).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot sign the CRL", e);
        }
    }
}
