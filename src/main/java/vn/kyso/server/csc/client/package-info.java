/**
 * kyso as a client of a Cloud Signature Consortium API v2 service (issue 15): the calls that sign
 * with a remote key ({@code auth/login}, {@code credentials/info}, {@code credentials/authorize},
 * {@code signatures/signHash}), shared by {@code kyso sign --csc} and by the service's two-step
 * API and console, each of which words the failures for its own users.
 */
package vn.kyso.server.csc.client;
