/**
 * Separation of duties for identity (issue 13): what an admin asks in someone's name waits for a
 * second person's approval, and the subscriber is told of every certificate issued in their name.
 */
package vn.kyso.server.approval;
