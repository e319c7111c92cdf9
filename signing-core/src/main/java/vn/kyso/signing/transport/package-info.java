/** Small HTTP exchanges (TSA, OCSP, CRL) with timeouts and a size limit. Internal to signing-core. */
package vn.kyso.signing.transport;
