/**
 * Shared test infrastructure (published in signing-core's test-jar): a PKI generated in code, a
 * loopback server for its OCSP/CRL/caIssuers/TSA, the PDF corpus, and runners for pdfsig and qpdf.
 */
package vn.kyso.signing.testpki;
