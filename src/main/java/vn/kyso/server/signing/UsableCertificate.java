package vn.kyso.server.signing;

import java.time.Instant;

import vn.kyso.ca.CertificateKind;

/**
 * A certificate an account may sign with now: its own personal certificate, or an agency
 * certificate it is a clerk of; active, within its validity, its key in kyso's custody.
 *
 * @param serial  lower-case hex, as the API takes it
 * @param kind    PERSONAL or AGENCY
 * @param subject the subject DN
 * @param name    the subject's common name (the person or the agency), what the console shows
 */
public record UsableCertificate(String serial, CertificateKind kind, String subject, String name, Instant notAfter) {
}
