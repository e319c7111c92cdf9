/**
 * PDF signature verification (PAdES, adbe.pkcs7.detached, legacy adbe.pkcs7.sha1; DER or BER CMS;
 * RSA, ECDSA, EdDSA): byte-range and CMS integrity, the cryptographic policy, certificate paths to
 * configured anchors (RFC 5280 path length, name constraints, critical extensions), fresh
 * revocation data from the DSS then online, RFC 3161 timestamps, and the analysis of changes
 * made after each signature. The rules: docs/verification-policy.md.
 *
 * <h2>Changes after signing</h2>
 * Following pyHanko's difference analysis, the signed revision (the file prefix up to the end
 * of the signed range, opened as a document of its own) is compared with the final document
 * object by object, walking both from the catalog and the trailer's /Info, by content. Each
 * difference is named by a rule ({@code ChangeKind}) in a class (LTV updates, form filling,
 * annotations, other) and judged against the signed revision's DocMDP level and FieldMDP locks
 * ({@code ChangePolicy}); docs/verification-changes.md lists the rules with an example each.
 * When a change goes beyond LTV updates, {@code PageComparison} renders the affected pages of
 * both and says which look different.
 *
 * <p>A signature followed by changes that are not permitted is reported INVALID with
 * FORMAT_FAILURE, the problems naming each change: what a reader sees is no longer what was
 * signed, and pyHanko likewise judges such a signature not valid ("bottom line").
 */
package vn.kyso.signing.verify;
