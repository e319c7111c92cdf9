package vn.kyso.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The data folder, port and database of a test server's context: the shared one of
 * {@link KysoServerTest}, and the few tests that need a context of their own.
 */
public final class ServerFolders {

    private ServerFolders() {
    }

    /**
     * Points a context at its data folder and port, and on the PostgreSQL run at a fresh
     * database (see {@link TestDatabase}). Call it from the context's {@code @DynamicPropertySource}.
     */
    public static void register(DynamicPropertyRegistry registry, Path dataDir, int port) {
        registry.add("kyso.data-dir", dataDir::toString);
        registry.add("server.port", () -> port);
        TestDatabase.register(registry);
    }

    /**
     * A port nobody listens on now. Chosen before the context starts (not a random port 0),
     * because the CA writes its URLs into certificates when it is created, before the server listens.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh, empty data folder under target/test-data, named {@code <name>-<uuid>}. */
    public static Path newDataDir(String name) {
        try {
            Path base = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createDirectory(base.resolve(name + "-" + UUID.randomUUID())).toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
