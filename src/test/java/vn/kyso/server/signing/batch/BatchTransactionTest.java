package vn.kyso.server.signing.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.server.signing.DocumentSigned;
import vn.kyso.signing.PadesLevel;

/**
 * What the crash safety of batch jobs rests on: a {@code DocumentSigned} event published inside
 * a transaction is recorded by the usage module in that same transaction, so it is counted if
 * and only if the transaction (which stores the signed document) commits.
 */
class BatchTransactionTest extends BatchServerTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSigningPublishedInATransactionIsCountedOnlyWhenTheTransactionCommits() {
        Officer officer = officer("giaodich");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String rolledBack = randomSha256();
        String committed = randomSha256();

        tx.executeWithoutResult(status -> {
            events.publishEvent(signed(officer, rolledBack));
            // recorded, but not yet visible outside; then the transaction is abandoned
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> events.publishEvent(signed(officer, committed)));

        assertThat(signedEvents(rolledBack)).isZero();
        assertThat(signedEvents(committed)).isEqualTo(1);
    }

    private static DocumentSigned signed(Officer officer, String sha256) {
        return new DocumentSigned(officer.certificate().certificate().getIssuerX500Principal().getName(),
                officer.certificate().serialHex(), sha256, "Signature1", Instant.now(), DocumentSigned.Channel.API,
                PadesLevel.B_B, Duration.ofMillis(40), DocumentSigned.Outcome.SIGNED, null, officer.username());
    }

    private long signedEvents(String sha256) {
        // the usage module stores the document hash as its 32 bytes
        return jdbc.sql("SELECT COUNT(*) FROM usage_event WHERE event_type = 'SIGNED' AND document_sha256 = ?")
                .param(java.util.HexFormat.of().parseHex(sha256)).query(Long.class).single();
    }

    private static String randomSha256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
