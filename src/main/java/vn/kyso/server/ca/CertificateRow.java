package vn.kyso.server.ca;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;

/**
 * A certificate as an admin's list names it: by its holder (name, unit, CCCD or MST), not by
 * its DN, so that the row fits a 1,366 px screen and the person is recognisable.
 *
 * @param holder null for the CA's own certificates
 */
record CertificateRow(CertificateView certificate, DirectoryApi.SubscriberView holder) {

    /** The page's certificates with their holders, each holder read once. */
    static List<CertificateRow> of(List<CertificateRecord> records, CertificateAuthority ca) {
        Map<Long, DirectoryApi.SubscriberView> holders = new HashMap<>();
        return records.stream().map(r -> new CertificateRow(CertificateView.of(r), r.subscriberId() == null ? null
                : holders.computeIfAbsent(r.subscriberId(), id -> holder(ca, id)))).toList();
    }

    static CertificateRow of(CertificateRecord record, CertificateAuthority ca) {
        return of(List.of(record), ca).get(0);
    }

    private static DirectoryApi.SubscriberView holder(CertificateAuthority ca, long id) {
        try {
            return DirectoryApi.SubscriberView.of(ca.subscriber(id));
        } catch (CaException e) {
            return null;
        }
    }

    /** The holder's CCCD or MST, blank for a CA certificate. */
    public String idNumber() {
        return holder == null ? "" : holder.cccd() != null ? holder.cccd() : holder.mst();
    }
}
