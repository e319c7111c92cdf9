/** Native (AWS-LC) private-key operations for keys kyso holds in memory, with a clean JDK/Bouncy Castle fallback. */
package vn.kyso.signing.crypto;
