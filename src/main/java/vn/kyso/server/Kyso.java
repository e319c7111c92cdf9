package vn.kyso.server;

import org.springframework.boot.SpringApplication;

import vn.kyso.server.cli.KysoCli;
import vn.kyso.server.demo.DemoMode;

/**
 * Entry point of {@code kyso.jar}. The {@code sign} and {@code verify} commands run without
 * booting the service (no Spring context, no database) so that they start in well under a
 * second; everything else starts the service.
 */
public final class Kyso {

    private Kyso() {
    }

    public static void main(String[] args) {
        if (KysoCli.handles(args)) {
            java.nio.file.Path jar = FlatClassPath.executableJar();
            Integer code = jar == null ? null : FlatClassPath.runCli(jar, args);
            System.exit(code != null ? code : KysoCli.run(args));
        }
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
