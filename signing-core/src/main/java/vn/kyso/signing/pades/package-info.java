/**
 * PAdES incremental updates with PDFBox: the CMS signature, the /DSS dictionary, the document
 * timestamp, DocMDP, and the staging between them. Internal to signing-core: use {@link vn.kyso.signing.PdfSigner}.
 */
package vn.kyso.signing.pades;
