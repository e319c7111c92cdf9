/**
 * Batch signing jobs: many documents signed one by one after the request that brought them, with
 * progress as server-sent events, the result kept for download, and each document's result and
 * usage event committed together so that a crash leaves no document half-recorded.
 */
package vn.kyso.server.signing.batch;
