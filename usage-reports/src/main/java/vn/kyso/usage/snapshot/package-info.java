/** Closed periods' reports frozen as signed snapshots, and their verification. */
package vn.kyso.usage.snapshot;
