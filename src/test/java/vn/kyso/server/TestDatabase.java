package vn.kyso.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database the service's Spring contexts run on. By default H2 in each context's data folder
 * (the embedded default). With {@code KYSO_TEST_DATABASE=postgres} (CI's second run) every context
 * gets a fresh PostgreSQL database at 127.0.0.1:5432 and the {@code postgres} profile, as in
 * production; the database is dropped when the test JVM exits. Use it as the
 * {@code @ActiveProfiles} resolver and call {@link #register} from the context's
 * {@code @DynamicPropertySource}.
 */
public final class TestDatabase implements ActiveProfilesResolver {

    /** The environment variable (or system property {@code kyso.test.database}) that picks PostgreSQL. */
    public static final String SWITCH = "KYSO_TEST_DATABASE";
    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN_URL = SERVER + "postgres?connectTimeout=5";

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[] {"postgres"} : new String[0];
    }

    /** Whether this test run is the PostgreSQL run. */
    public static boolean postgres() {
        String choice = System.getenv(SWITCH);
        if (choice == null || choice.isBlank()) {
            choice = System.getProperty("kyso.test.database", "h2");
        }
        return "postgres".equalsIgnoreCase(choice.strip());
    }

    /** Points a new context at a fresh PostgreSQL database on the PostgreSQL run; nothing on H2. */
    public static void register(DynamicPropertyRegistry registry) {
        if (!postgres()) {
            return;
        }
        String url = createDatabase("kyso_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /**
     * Creates a fresh PostgreSQL database named after the prefix, dropped (with its connections)
     * when the JVM exits, and returns its JDBC URL. PostgreSQL must answer: whoever calls this
     * asked for it.
     */
    public static String createDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(name), "drop-" + name));
        return SERVER + name;
    }

    /** Drops a database made by {@link #createDatabase}, closing whatever is still connected to it. */
    public static void dropDatabase(String name) {
        try {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** Whether PostgreSQL answers at 127.0.0.1:5432. */
    public static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
