/**
 * Long-term extension of signed PDFs in the service ({@code POST /api/v1/extensions}): validation
 * data and document timestamps from kyso's own OCSP responder and TSA, for documents signed by
 * anyone; signing-core's {@code PdfSigner.extend} does the work.
 */
package vn.kyso.server.extension;
