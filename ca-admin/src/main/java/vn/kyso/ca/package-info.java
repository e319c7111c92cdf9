/**
 * The province's certificate authority; its public API is this package, with
 * {@link vn.kyso.ca.CertificateAuthority} as the one entry point. The sub-packages
 * ({@code hierarchy}, {@code profile}, {@code subscriber}, {@code issuance}, {@code custody},
 * {@code revocation}, {@code crl}, {@code ocsp}, {@code tsa}, {@code audit}, {@code register},
 * {@code keys}, {@code db}) are the implementation, one feature each; callers outside ca-admin use
 * only this package.
 *
 * <p>Wiring, as the service does it:
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.builder()
 *         .dataSource(dataSource)                                   // H2 (MODE=PostgreSQL) or PostgreSQL
 *         .settings(CaSettings.defaults(dataDir, "http://127.0.0.1:8080"))
 *         .keyStore(CaKeyStore.pkcs12(dataDir.resolve("ca-keys.p12"), passphrase))
 *         .events(event -> publisher.publishEvent(event))           // CaEvents port
 *         .clock(clock).random(secureRandom)
 *         .open();                                                  // migrates db/migration/ca, creates or loads the hierarchy
 * }</pre>
 * ca-admin runs its own Flyway migrations (history table {@code flyway_history_ca}); the service
 * must not point Spring Boot's Flyway at {@code db/migration/ca} too. With H2, give the URL a
 * {@code LOCK_TIMEOUT} of several seconds: issuances and CRLs queue on counter rows.
 */
package vn.kyso.ca;
