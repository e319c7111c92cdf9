/** Implementations of the CA key store seam: a PKCS#12 file and a PKCS#11 token. */
package vn.kyso.ca.keys;
