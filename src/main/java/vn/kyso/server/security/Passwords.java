package vn.kyso.server.security;

/** The rules a new password must follow; one place for the API, the console and bootstrap. */
final class Passwords {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 72; // bcrypt ignores bytes beyond 72

    private Passwords() {
    }

    static void requireAcceptable(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH
                || password.equalsIgnoreCase(username) || password.isBlank()) {
            throw new AccountException(AccountException.ErrorCode.WEAK_PASSWORD, "password does not meet the rules");
        }
    }
}
