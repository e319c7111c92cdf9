package vn.kyso.ca;

import java.time.Instant;

/**
 * One entry of the append-only audit log.
 *
 * @param prevHash hex SHA-256 of the entry before (64 zeros for the first)
 * @param hash     hex SHA-256 over prevHash and this entry's fields
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String details,
                         String prevHash, String hash) {
}
