package vn.kyso.server.signing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signing feature's tables: clerks of agency certificates, seal images, signature images.
 * Serials are kept as lower-case hex. Plain SQL for H2 and PostgreSQL (replace = delete + insert,
 * in one transaction, because the two databases spell "upsert" differently).
 */
@Repository
class SigningStore {

    /** An agency's seal image and its real diameter. */
    record Seal(byte[] image, double diameterMm) {
    }

    private final JdbcClient jdbc;

    SigningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isClerk(String serial, long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM server_agency_clerk WHERE certificate_serial = ? AND account_id = ?")
                .params(serial, accountId).query(Long.class).single() > 0;
    }

    List<Long> clerks(String serial) {
        return jdbc.sql("SELECT account_id FROM server_agency_clerk WHERE certificate_serial = ? ORDER BY account_id")
                .param(serial).query(Long.class).list();
    }

    List<String> certificatesClerkedBy(long accountId) {
        return jdbc.sql("SELECT certificate_serial FROM server_agency_clerk WHERE account_id = ? ORDER BY 1")
                .param(accountId).query(String.class).list();
    }

    @Transactional
    void addClerk(String serial, long accountId) {
        if (!isClerk(serial, accountId)) {
            jdbc.sql("INSERT INTO server_agency_clerk (certificate_serial, account_id) VALUES (?, ?)")
                    .params(serial, accountId).update();
        }
    }

    boolean removeClerk(String serial, long accountId) {
        return jdbc.sql("DELETE FROM server_agency_clerk WHERE certificate_serial = ? AND account_id = ?")
                .params(serial, accountId).update() > 0;
    }

    Optional<Seal> seal(String serial) {
        return jdbc.sql("SELECT image, diameter_mm FROM server_agency_seal WHERE certificate_serial = ?")
                .param(serial)
                .query((rs, n) -> new Seal(rs.getBytes(1), rs.getBigDecimal(2).doubleValue()))
                .optional();
    }

    @Transactional
    void putSeal(String serial, byte[] image, double diameterMm) {
        jdbc.sql("DELETE FROM server_agency_seal WHERE certificate_serial = ?").param(serial).update();
        jdbc.sql("INSERT INTO server_agency_seal (certificate_serial, image, diameter_mm) VALUES (?, ?, ?)")
                .params(serial, image, BigDecimal.valueOf(diameterMm)).update();
    }

    Optional<byte[]> signatureImage(long accountId) {
        return jdbc.sql("SELECT image FROM server_signature_image WHERE account_id = ?")
                .param(accountId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    @Transactional
    void putSignatureImage(long accountId, byte[] image) {
        jdbc.sql("DELETE FROM server_signature_image WHERE account_id = ?").param(accountId).update();
        jdbc.sql("INSERT INTO server_signature_image (account_id, image) VALUES (?, ?)").params(accountId, image).update();
    }
}
