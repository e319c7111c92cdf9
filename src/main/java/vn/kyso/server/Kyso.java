package vn.kyso.server;

import org.springframework.boot.SpringApplication;

import vn.kyso.server.cli.KysoCli;
import vn.kyso.server.demo.DemoMode;

/**
 * Entry point of {@code kyso.jar}. The bare jar (or {@code serve}, with {@code --demo} for the
 * demo) starts the service; every command word runs the CLI without booting the service (no
 * Spring context, no database) so that it starts in well under a second, and an unknown word is
 * refused there with the usage and exit code 2, creating nothing.
 */
public final class Kyso {

    private Kyso() {
    }

    public static void main(String[] args) {
        if (!KysoCli.startsService(args)) {
            java.nio.file.Path jar = FlatClassPath.executableJar();
            Integer code = jar == null ? null : FlatClassPath.runCli(jar, args);
            System.exit(code != null ? code : KysoCli.run(args));
        }
        args = KysoCli.serviceArguments(args);
        if (DemoMode.requested(args)) {
            try {
                args = DemoMode.prepare(args, System.getenv());
            } catch (DemoMode.Refused refused) {
                System.err.println(refused.getMessage());
                System.exit(2);
            }
        }
        SpringApplication.run(KysoApplication.class, args);
    }
}
