/**
 * Signing in the service: officers and clerks sign PDFs with their custody keys over the API and
 * the console, with kyso's own TSA and OCSP in-process; every signing publishes {@link
 * vn.kyso.server.signing.DocumentSigned}. An owner may also take their custody key out once, as
 * a PKCS#12 file.
 */
package vn.kyso.server.signing;
