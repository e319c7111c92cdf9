/** The time-stamping authority (RFC 3161): DER request in, DER response out. */
package vn.kyso.ca.tsa;
