/**
 * The certificate authority over HTTP: its creation from the service's settings, the protocol
 * endpoints relying parties call (OCSP, CRL, CA certificates, TSA), the admin REST API and the
 * admin console pages. Thin handlers over the {@code CertificateAuthority} facade.
 */
package vn.kyso.server.ca;
