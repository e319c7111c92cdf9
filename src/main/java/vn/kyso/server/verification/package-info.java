/**
 * The verification portal: anyone uploads a signed PDF and gets a report per signature (as JSON
 * or as a page); every signature checked publishes {@link vn.kyso.server.verification.DocumentVerified}.
 */
package vn.kyso.server.verification;
