package vn.kyso.server.ca;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.config.PublicUrl;

/**
 * Creates the CA from the service's settings: its keystore in the data folder, its URLs under
 * the public base URL, its events published as Spring application events (the usage module
 * listens to them). The first start creates the hierarchy; later starts load it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CaConfiguration {

    static final String KEYSTORE_FILE = "ca-keys.p12";
    private static final Logger log = LoggerFactory.getLogger(CaConfiguration.class);

    @Bean
    CertificateAuthority certificateAuthority(KysoProperties properties, PublicUrl publicUrls, Environment environment,
            DataSource dataSource, ApplicationEventPublisher publisher, Clock clock, SecureRandom random)
            throws java.io.IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        String publicUrl = publicUrls.base();
        char[] passphrase = CaPassphrase.resolve(environment.getProperty("KYSO_CA_PASSPHRASE",
                environment.getProperty("kyso.ca-passphrase")), dataDir, random);
        try {
            CertificateAuthority ca = CertificateAuthority.builder()
                    .dataSource(dataSource)
                    .settings(CaSettings.defaults(dataDir, publicUrl))
                    .keyStore(CaKeyStore.pkcs12(dataDir.resolve(KEYSTORE_FILE), passphrase))
                    .events(publisher::publishEvent)
                    .clock(clock)
                    .random(random)
                    .open();
            log.info("CA ready: issuing CA '{}', certificates point at {}",
                    ca.issuingCertificate().getSubjectX500Principal().getName(), publicUrl);
            return ca;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}
