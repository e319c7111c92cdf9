/** The OCSP responder (RFC 6960, nonce per RFC 8954): DER request in, DER response out, signed by the delegated responder. */
package vn.kyso.ca.ocsp;
