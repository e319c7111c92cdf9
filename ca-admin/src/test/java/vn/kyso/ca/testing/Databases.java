package vn.kyso.ca.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Supplies one fresh {@link TestDatabase} per invocation: H2 always, PostgreSQL when it answers
 * at 127.0.0.1:5432. With {@code KYSO_TEST_POSTGRES_REQUIRED=true} (CI) a silent PostgreSQL fails
 * the test instead of skipping it. JUnit closes each database after its invocation.
 */
public final class Databases implements ArgumentsProvider {

    private static volatile Boolean postgres;

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        List<TestDatabase.Kind> kinds = new ArrayList<>(List.of(TestDatabase.Kind.H2));
        if (postgresAvailable()) {
            kinds.add(TestDatabase.Kind.POSTGRES);
        } else if ("true".equalsIgnoreCase(System.getenv("KYSO_TEST_POSTGRES_REQUIRED"))) {
            throw new IllegalStateException(
                    "PostgreSQL does not answer at 127.0.0.1:5432 and KYSO_TEST_POSTGRES_REQUIRED=true");
        }
        // Lazy: each database is created when its invocation starts, not all up front.
        return kinds.stream().map(kind -> Arguments.of(TestDatabase.create(kind)));
    }

    private static boolean postgresAvailable() {
        Boolean known = postgres;
        if (known == null) {
            known = TestDatabase.postgresAnswers();
            postgres = known;
        }
        return known;
    }
}
