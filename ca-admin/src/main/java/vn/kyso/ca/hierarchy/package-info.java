/** The CA hierarchy: root and issuing CA, delegated OCSP responder and TSA certificates, their bootstrap and renewal. */
package vn.kyso.ca.hierarchy;
