package vn.kyso.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The kyso service: assembles signing-core, ca-admin and usage-reports behind HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KysoApplication {
}
