/** Certificate lifecycle: suspend (certificateHold), release, revoke with RFC 5280 reasons, bulk revoke, expiry warnings. */
package vn.kyso.ca.revocation;
