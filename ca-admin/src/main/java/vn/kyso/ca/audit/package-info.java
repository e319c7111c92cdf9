/** The append-only, hash-chained audit log of every issuance, status change, key unlock and admin action. */
package vn.kyso.ca.audit;
