package vn.kyso.server.usage;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.kyso.ca.Agency;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateIssued;
import vn.kyso.ca.CertificateStatusChanged;
import vn.kyso.ca.OcspRequested;
import vn.kyso.ca.Officer;
import vn.kyso.ca.Subscriber;
import vn.kyso.server.ca.OcspRequestedRoute;
import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateNotice;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.UsageReports;

/**
 * Translates the CA's events into the usage inventory and CHECKED counts (ca-admin and
 * usage-reports do not know each other; the service joins them). The CA publishes after its
 * commit, in the caller's thread; the inventory's notices are made and applied by
 * {@link InventoryFeed}, in order and in batches: a failure there is logged and never undoes or
 * fails an issuance.
 */
@Component
class CaEventTranslator {

    private final CertificateAuthority ca;
    private final UsageReports usage;
    private final ReportSigner reportSigner;
    private final OcspCheckBuffer ocspChecks;
    private final IssuedHere issuedHere;
    private final InventoryFeed feed;

    CaEventTranslator(CertificateAuthority ca, UsageReports usage, ReportSigner reportSigner, OcspCheckBuffer ocspChecks,
            IssuedHere issuedHere, InventoryFeed feed, OcspRequestedRoute ocspRequests) {
        this.ca = ca;
        this.usage = usage;
        this.reportSigner = reportSigner;
        this.ocspChecks = ocspChecks;
        this.issuedHere = issuedHere;
        this.feed = feed;
        ocspRequests.attach(this::ocspRequested); // one per OCSP answer: not through the event multicaster
    }

    @EventListener
    void issued(CertificateIssued event) {
        if (!event.kind().isSubscriber() || reportSigner.isSystemSubscriber(event.subscriberId())) {
            return;
        }
        feed.add(announced -> List.of(issuedNotice(event)));
    }

    /** The inventory's notice of an issuance (on the feed's thread). */
    CertificateNotice issuedNotice(CertificateIssued event) {
        X509Certificate certificate = parse(event.der());
        Subscriber subscriber = ca.subscriber(event.subscriberId());
        String contact = subscriber instanceof Officer o ? o.email()
                : subscriber instanceof Agency a ? a.email() : null;
        return CertificateNotice.issued(CertificateRef.of(certificate), event.at(),
                certificate.getSubjectX500Principal().getName(),
                event.kind() == vn.kyso.ca.CertificateKind.AGENCY ? CertificateKind.AGENCY : CertificateKind.PERSONAL,
                subscriber.unit().code(), subscriber.displayName(), contact, event.notBefore(), event.notAfter())
                .withCertificate(certificate);
    }

    @EventListener
    void statusChanged(CertificateStatusChanged event) {
        CertificateNotice.Change change = switch (event.status()) {
            case ACTIVE -> CertificateNotice.Change.REINSTATED;
            case SUSPENDED -> CertificateNotice.Change.SUSPENDED;
            case REVOKED -> CertificateNotice.Change.REVOKED;
        };
        feed.add(announced -> {
            CertificateRef ref = issuedHere.ref(event.serial());
            return announced.test(ref.serial()) || usage.certificate(ref).isPresent()
                    ? List.of(CertificateNotice.of(change, ref, event.at())) : List.of();
        });
    }

    /** Directly from the CA ({@link OcspRequestedRoute}); as an application event before that was attached. */
    @EventListener
    void ocspRequested(OcspRequested event) {
        if (event.answer() != null) { // a serial the CA never issued is nobody's usage
            ocspChecks.add(event.serial(), event.at());
        }
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the CA announced an unreadable certificate", e);
        }
    }

}
