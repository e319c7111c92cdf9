/** Revocation data clients: OCSP (RFC 6960) and CRL (RFC 5280) fetched online. */
package vn.kyso.signing.revocation;
