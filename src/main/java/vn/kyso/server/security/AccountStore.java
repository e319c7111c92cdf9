package vn.kyso.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The server's account and token tables, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
class AccountStore {

    private static final String ACCOUNT_COLUMNS =
            "id, username, display_name, subscriber_id, must_change_password, enabled, created_at";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM server_account").query(Long.class).single();
    }

    boolean usernameExists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM server_account WHERE username = ?")
                .param(username).query(Long.class).single() > 0;
    }

    @Transactional
    long insert(String username, String displayName, String passwordHash, Set<Role> roles,
            String subscriberId, boolean mustChangePassword, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO server_account
                  (username, display_name, password_hash, subscriber_id, must_change_password, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, TRUE, ?)""")
                .params(username, displayName, passwordHash, subscriberId, mustChangePassword, Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertRoles(id, roles);
        return id;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM server_account WHERE username = ?")
                .param(username).query(this::account).optional().map(this::withRoles);
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM server_account WHERE id = ?")
                .param(id).query(this::account).optional().map(this::withRoles);
    }

    Optional<String> passwordHash(long accountId) {
        return jdbc.sql("SELECT password_hash FROM server_account WHERE id = ?")
                .param(accountId).query(String.class).optional();
    }

    List<Account> all() {
        Map<Long, Set<Role>> roles = allRoles();
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM server_account ORDER BY username")
                .query(this::account).list().stream()
                .map(a -> copyWithRoles(a, roles.getOrDefault(a.id(), Set.of())))
                .toList();
    }

    /** The account's TOTP secret (base32), if it enrolled one (issue 13). */
    Optional<String> totpSecret(long accountId) {
        return jdbc.sql("SELECT totp_secret FROM server_account WHERE id = ?").param(accountId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    void setTotpSecret(long accountId, String secret) {
        jdbc.sql("UPDATE server_account SET totp_secret = ?, totp_last_step = NULL WHERE id = ?")
                .params(secret, accountId).update();
    }

    /** Records a used time step; false when it (or a later one) was used already: a code counts once. */
    boolean useTotpStep(long accountId, long step) {
        return jdbc.sql("UPDATE server_account SET totp_last_step = ? WHERE id = ? "
                        + "AND (totp_last_step IS NULL OR totp_last_step < ?)")
                .params(step, accountId, step).update() == 1;
    }

    void updatePassword(long accountId, String passwordHash, boolean mustChange) {
        jdbc.sql("UPDATE server_account SET password_hash = ?, must_change_password = ? WHERE id = ?")
                .params(passwordHash, mustChange, accountId).update();
    }

    /** Where the account stands now, for a session's per-request check: enabled and its security version. */
    Optional<Standing> standing(long accountId) {
        return jdbc.sql("SELECT enabled, security_version FROM server_account WHERE id = ?").param(accountId)
                .query((rs, n) -> new Standing(rs.getBoolean(1), rs.getLong(2))).optional();
    }

    /** An account's enabled flag and security version. */
    record Standing(boolean enabled, long securityVersion) {
    }

    long securityVersion(long accountId) {
        return standing(accountId).map(Standing::securityVersion).orElse(-1L);
    }

    /** Ends every session of the account on every instance (they compare their version per request). */
    void bumpSecurityVersion(long accountId) {
        jdbc.sql("UPDATE server_account SET security_version = security_version + 1 WHERE id = ?")
                .param(accountId).update();
    }

    void updateSubscriber(long accountId, String subscriberId) {
        jdbc.sql("UPDATE server_account SET subscriber_id = ? WHERE id = ?").params(subscriberId, accountId).update();
    }

    void updateEnabled(long accountId, boolean enabled) {
        jdbc.sql("UPDATE server_account SET enabled = ? WHERE id = ?").params(enabled, accountId).update();
    }

    @Transactional
    void replaceRoles(long accountId, Set<Role> roles) {
        jdbc.sql("DELETE FROM server_account_role WHERE account_id = ?").param(accountId).update();
        insertRoles(accountId, roles);
    }

    private void insertRoles(long accountId, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO server_account_role (account_id, role) VALUES (?, ?)")
                    .params(accountId, role.name()).update();
        }
    }

    private Account withRoles(Account account) {
        List<String> names = jdbc.sql("SELECT role FROM server_account_role WHERE account_id = ?")
                .param(account.id()).query(String.class).list();
        return copyWithRoles(account, names.stream().map(Role::valueOf).collect(Collectors.toSet()));
    }

    private Map<Long, Set<Role>> allRoles() {
        return jdbc.sql("SELECT account_id, role FROM server_account_role")
                .query((rs, n) -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
    }

    private static Account copyWithRoles(Account a, Set<Role> roles) {
        return new Account(a.id(), a.username(), a.displayName(), roles, a.subscriberId(),
                a.mustChangePassword(), a.enabled(), a.createdAt());
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), Set.of(),
                rs.getString("subscriber_id"), rs.getBoolean("must_change_password"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }
}
