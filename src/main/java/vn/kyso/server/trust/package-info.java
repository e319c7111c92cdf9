/**
 * Trust anchors as data: the roots (national root CA, government CA, other provinces' CAs) the
 * verifier trusts besides kyso's own, added, labelled, enabled and retired by admins, kept in the
 * database so that every instance uses the same set, each change in the CA's audit log.
 */
package vn.kyso.server.trust;
