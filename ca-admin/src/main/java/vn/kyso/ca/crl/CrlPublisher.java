package vn.kyso.ca.crl;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

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
 * Issues full CRLs. The CRL number comes from a counter row bumped first in the transaction:
 * its lock orders publishers across instances, and any revocation committed before the bump is
 * read by the same transaction, so it is in this CRL or, at the latest, the next one.
 */
public final class CrlPublisher {

    private final CaDatabase db;
    private final CertificateRegister register;
    private final Hierarchy hierarchy;
    private final AuditLog audit;
    private final CaEvents events;
    private final Clock clock;
    private final CaSettings.Responders settings;

    public CrlPublisher(CaDatabase db, CertificateRegister register, Hierarchy hierarchy, AuditLog audit,
                        CaEvents events, Clock clock, CaSettings.Responders settings) {
        this.db = db;
        this.register = register;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    public PublishedCrl publish(String actor) {
        final int[] count = new int[1];
        PublishedCrl crl = db.inTransaction(() -> {
            long number = db.nextValue("crl_number");
            Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant nextUpdate = thisUpdate.plus(settings.crlNextUpdate());
            List<CertificateRegister.RevokedRow> revoked = register.revoked();
            count[0] = revoked.size();
            byte[] der = sign(number, thisUpdate, nextUpdate, revoked);
            db.jdbc().sql("INSERT INTO ca_crl (crl_number, this_update, next_update, der) VALUES (?, ?, ?, ?)")
                    .params(number, CaDatabase.ts(thisUpdate), CaDatabase.ts(nextUpdate), der).update();
            audit.append(actor, "CRL_PUBLISHED", Long.toString(number), "entries=" + revoked.size());
            return new PublishedCrl(number, thisUpdate, nextUpdate, der);
        });
        events.publish(new CrlPublished(crl.crlNumber(), count[0], crl.thisUpdate(), crl.nextUpdate(),
                crl.thisUpdate()));
        return crl;
    }

    /** The newest CRL, as served at the distribution point. */
    public Optional<PublishedCrl> latest() {
        return db.jdbc().sql("SELECT crl_number, this_update, next_update, der FROM ca_crl "
                        + "ORDER BY crl_number DESC LIMIT 1")
                .query((rs, n) -> new PublishedCrl(rs.getLong("crl_number"), CaDatabase.instant(rs, "this_update"),
                        CaDatabase.instant(rs, "next_update"), rs.getBytes("der")))
                .optional();
    }

    private byte[] sign(long number, Instant thisUpdate, Instant nextUpdate,
                        List<CertificateRegister.RevokedRow> revoked) {
        SigningCredential issuing = hierarchy.issuing();
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
