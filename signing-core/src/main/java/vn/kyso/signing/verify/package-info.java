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
 * object by object, walking both from the catalog. Allowed: /DSS and /Extensions, XMP
 * /Metadata, new signature fields and their widgets (including document timestamps; a widget
 * that draws something must belong to a signed field), signing
 * an empty signature field, additions to the form's /DR, and filling existing non-signature
 * fields (/V, /AP, /AS) unless a certification signature forbids it (DocMDP P=1, which also
 * forbids new signatures). Everything else is DISALLOWED: page content, resources, annotations
 * other than new signature widgets, the page tree, catalog entries (/OCProperties, /Names,
 * /OpenAction...), overwritten objects, removed signatures, and bytes after the last %%EOF.
 *
 * <p>A signature followed by DISALLOWED changes is reported INVALID with FORMAT_FAILURE, the
 * problems naming each change: what a reader sees is no longer what was signed, and pyHanko
 * likewise judges such a signature not valid ("bottom line"). DocMDP P=3 (annotations) is
 * treated like P=2: comments added after signing are DISALLOWED.
 */
package vn.kyso.signing.verify;
