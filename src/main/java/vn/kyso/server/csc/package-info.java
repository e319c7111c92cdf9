/**
 * The Cloud Signature Consortium API v2 (2.0.0.2) under {@code /csc/v2/}: remote-signing clients
 * (a document system, EU DSS, another kyso) sign with an officer's custody key, and only with the
 * officer's PIN given for the very hashes they sign. It adds no signing of its own: the key opens
 * through the CA's activation facade, and every signature is a usage event and in the audit log.
 */
package vn.kyso.server.csc;
