/** The register of every certificate the CA signed, with its status: the one source of truth for CRL and OCSP. */
package vn.kyso.ca.register;
