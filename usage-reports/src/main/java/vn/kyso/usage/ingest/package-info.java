/** Ingestion of signed PDFs (files, zips, a watched folder): each signature found becomes a SEEN event. */
package vn.kyso.usage.ingest;
