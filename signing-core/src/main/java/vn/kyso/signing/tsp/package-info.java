/** RFC 3161 timestamp clients. */
package vn.kyso.signing.tsp;
