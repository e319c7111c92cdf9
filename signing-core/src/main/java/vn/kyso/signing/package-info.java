/** Signing and verifying PDFs (PAdES); the public API of signing-core is this package. */
package vn.kyso.signing;
