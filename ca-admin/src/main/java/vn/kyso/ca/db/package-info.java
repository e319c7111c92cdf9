/** Database plumbing of the CA: migrations, transactions, counters (internal to ca-admin). */
package vn.kyso.ca.db;
