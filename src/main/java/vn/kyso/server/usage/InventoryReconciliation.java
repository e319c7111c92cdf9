package vn.kyso.server.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateIssued;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.RegisteredStatus;
import vn.kyso.usage.CertificateNotice;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.UsageReports;

/**
 * At every start, makes the usage inventory agree with the CA's register: a subscriber certificate
 * the inventory lacks is fed as issued, and one whose stored status differs from the register's is
 * given the register's. This is what makes {@link InventoryFeed}'s queue safe to lose in a crash
 * (its notices are queued after the CA's commit). It runs as an item of the feed, so that no
 * notice queued meanwhile is applied out of order with what it reads: whatever the CA commits after
 * the register was read is queued after it.
 */
@Component
class InventoryReconciliation {

    private static final Logger log = LoggerFactory.getLogger(InventoryReconciliation.class);

    private final CertificateAuthority ca;
    private final UsageReports usage;
    private final ReportSigner reportSigner;
    private final IssuedHere issuedHere;
    private final CaEventTranslator translator;
    private final InventoryFeed feed;

    InventoryReconciliation(CertificateAuthority ca, UsageReports usage, ReportSigner reportSigner,
            IssuedHere issuedHere, CaEventTranslator translator, InventoryFeed feed) {
        this.ca = ca;
        this.usage = usage;
        this.reportSigner = reportSigner;
        this.issuedHere = issuedHere;
        this.translator = translator;
        this.feed = feed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        feed.add(announced -> notices());
    }

    /** What the inventory is missing of the register, as notices. */
    List<CertificateNotice> notices() {
        List<RegisteredStatus> register = ca.subscriberCertificateStatuses();
        if (register.isEmpty()) {
            return List.of();
        }
        String issuer = issuedHere.ref(register.get(0).serial()).issuer();
        Map<String, CertificateStatus> inventory = usage.inventoryStatuses(issuer);
        List<CertificateNotice> notices = new ArrayList<>();
        int missing = 0;
        for (RegisteredStatus entry : register) {
            CertificateRef ref = issuedHere.ref(entry.serial());
            CertificateStatus stored = inventory.get(ref.serial());
            CertificateStatus wanted = status(entry.status());
            if (stored == null) {
                if (reportSigner.isSystemSubscriber(entry.subscriberId())) {
                    continue;
                }
                CertificateRecord record = ca.certificate(entry.serial()).orElse(null);
                if (record == null || !record.kind().isSubscriber()) {
                    continue;
                }
                missing++;
                notices.add(translator.issuedNotice(new CertificateIssued(record.serial(), entry.subscriberId(),
                        record.kind(), record.subject(), record.notBefore(), record.notAfter(), record.der(),
                        record.notBefore())));
                if (wanted != CertificateStatus.ACTIVE) {
                    notices.add(CertificateNotice.of(change(wanted), ref, changedAt(record)));
                }
            } else if (stored != wanted && stored != CertificateStatus.EXPIRED) {
                ca.certificate(entry.serial())
                        .ifPresent(record -> notices.add(CertificateNotice.of(change(wanted), ref, changedAt(record))));
            }
        }
        if (!notices.isEmpty()) {
            log.info("Usage inventory reconciled with the CA's register: {} certificates added, {} notices in all",
                    missing, notices.size());
        }
        return notices;
    }

    private static java.time.Instant changedAt(CertificateRecord record) {
        return record.revokedAt() != null ? record.revokedAt() : record.notBefore();
    }

    private static CertificateStatus status(vn.kyso.ca.CertificateStatus status) {
        return switch (status) {
            case ACTIVE -> CertificateStatus.ACTIVE;
            case SUSPENDED -> CertificateStatus.SUSPENDED;
            case REVOKED -> CertificateStatus.REVOKED;
        };
    }

    private static CertificateNotice.Change change(CertificateStatus status) {
        return switch (status) {
            case SUSPENDED -> CertificateNotice.Change.SUSPENDED;
            case REVOKED -> CertificateNotice.Change.REVOKED;
            default -> CertificateNotice.Change.REINSTATED;
        };
    }
}
