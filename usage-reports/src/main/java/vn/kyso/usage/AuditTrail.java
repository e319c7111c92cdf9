package vn.kyso.usage;

/**
 * Where the module writes every change to the figures (ingestions, imports, snapshots): a port
 * the service implements with the CA's hash-chained audit log, so an auditor finds them in the
 * one chain that can be verified. The module never reads it back.
 */
@FunctionalInterface
public interface AuditTrail {

    /** Appends one entry; a failure must fail the change (the caller's transaction, if any). */
    void append(String actor, String action, String target, String details);

    /** For a module used without an audit log (tests, benchmarks). */
    static AuditTrail none() {
        return (actor, action, target, details) -> { };
    }
}
