/** {@link vn.kyso.signing.SigningKey} implementations: in-memory, PKCS#12 file, PKCS#11 token, external signer. */
package vn.kyso.signing.key;
