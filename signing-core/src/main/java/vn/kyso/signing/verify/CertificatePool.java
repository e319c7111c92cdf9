package vn.kyso.signing.verify;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/**
 * The certificates available to build paths for one document: those in the signature's CMS, in
 * the /DSS, in timestamp tokens and OCSP responses. Looked up by subject.
 */
final class CertificatePool {

    private final Set<X509Certificate> certificates = new LinkedHashSet<>();
    private final Map<X500Principal, List<X509Certificate>> bySubject = new HashMap<>();

    CertificatePool() {
    }

    CertificatePool(CertificatePool base) {
        base.certificates.forEach(this::add);
    }

    void add(X509Certificate certificate) {
        if (certificates.add(certificate)) {
            bySubject.computeIfAbsent(certificate.getSubjectX500Principal(), k -> new ArrayList<>(2)).add(certificate);
        }
    }

    void addAll(Collection<X509Certificate> list) {
        list.forEach(this::add);
    }

    List<X509Certificate> bySubject(X500Principal subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    Collection<X509Certificate> all() {
        return certificates;
    }
}
