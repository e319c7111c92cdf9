/** JMH benchmarks of signing-core (run by hand, never by the tests; see docs/benchmarks.md). */
package vn.kyso.signing.bench;
