/** Issuance: from a PKCS#10 request (proof of possession checked) or with a key kept in custody; renewal and re-key. */
package vn.kyso.ca.issuance;
