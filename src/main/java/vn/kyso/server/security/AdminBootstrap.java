package vn.kyso.server.security;

import java.io.PrintStream;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account yet) creates the {@code admin} account. Its password is
 * {@code KYSO_ADMIN_PASSWORD} when set; otherwise a one-time password is generated and printed
 * once on the console (not through the logger, so it reaches no log file), and must be changed
 * at first login.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String PASSWORD_PROPERTY = "kyso.admin-password"; // env KYSO_ADMIN_PASSWORD
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    // no 0/O, 1/l/I: the password is read off a screen and typed by hand
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Accounts accounts;
    private final Environment environment;
    private final SecureRandom random;
    private final PrintStream console;

    @Autowired
    AdminBootstrap(Accounts accounts, Environment environment, SecureRandom random) {
        this(accounts, environment, random, System.out);
    }

    AdminBootstrap(Accounts accounts, Environment environment, SecureRandom random, PrintStream console) {
        this.accounts = accounts;
        this.environment = environment;
        this.random = random;
        this.console = console;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.none()) {
            return;
        }
        String given = environment.getProperty(PASSWORD_PROPERTY);
        if (given != null && !given.isEmpty()) {
            try {
                Passwords.requireAcceptable(given, "admin");
            } catch (AccountException weak) {
                throw new IllegalStateException("KYSO_ADMIN_PASSWORD must have at least " + Passwords.MIN_LENGTH
                        + " characters and differ from the username");
            }
            if (created(given, false)) {
                log.info("Created the first account 'admin' with the password from KYSO_ADMIN_PASSWORD");
            }
            return;
        }
        String oneTime = generate(16);
        if (!created(oneTime, true)) {
            return;
        }
        console.println();
        console.println("=".repeat(72));
        console.println(" kyso: tài khoản quản trị đầu tiên / first admin account");
        console.println("   tên đăng nhập / username : admin");
        console.println("   mật khẩu một lần / one-time password : " + oneTime);
        console.println(" Mật khẩu này chỉ hiện một lần; hãy đổi khi đăng nhập lần đầu.");
        console.println(" It is shown only this once; change it at first login.");
        console.println("=".repeat(72));
        console.println();
        console.flush();
        log.warn("Created the first account 'admin'; its one-time password was printed once on the console");
    }

    /** False when another instance on the same database created the first admin meanwhile. */
    private boolean created(String password, boolean mustChange) {
        try {
            accounts.createInitialAdmin(password, mustChange);
            return true;
        } catch (AccountException e) {
            if (e.code() != AccountException.ErrorCode.USERNAME_TAKEN) {
                throw e;
            }
            log.info("The first account 'admin' was created by another kyso instance");
            return false;
        }
    }

    private String generate(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
