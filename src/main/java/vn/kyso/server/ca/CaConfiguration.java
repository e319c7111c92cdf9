package vn.kyso.server.ca;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

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
import vn.kyso.server.security.AccountAudit;
import vn.kyso.signing.crypto.NativeCrypto;

/**
 * Creates the CA from the service's settings ({@code kyso.ca.*}, see {@link CaProperties}): its
 * key store (a PKCS#12 file in the data folder or a PKCS#11 token), its URLs under the public
 * base URL, its events published as Spring application events (the usage module listens to
 * them; OCSP requests, one per answer, go to it directly: {@link OcspRequestedRoute}). The first start creates the hierarchy, or imports an existing CA; later starts load it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CaConfiguration {

    /** The issuing CA's alias in every CA key store (ca-admin's hierarchy names it so). */
    private static final String ISSUING_ALIAS = "kyso-issuing";
    private static final Logger log = LoggerFactory.getLogger(CaConfiguration.class);

    /** Native crypto for the CA's keys and for custody keys signing documents ({@code kyso.ca.native-crypto}). */
    @Bean
    NativeCrypto nativeCrypto(CaProperties ca) {
        return NativeCrypto.wanted(ca.nativeCrypto());
    }

    @Bean
    CertificateAuthority certificateAuthority(KysoProperties properties, CaProperties ca, PublicUrl publicUrls,
            Environment environment, DataSource dataSource, ApplicationEventPublisher publisher,
            OcspRequestedRoute ocspRequests, Clock clock, SecureRandom random) throws java.io.IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        String publicUrl = publicUrls.base();
        CaSettings settings = ca.toSettings(dataDir, publicUrl);
        CaKeyStore keyStore = CaKeyStores.open(ca.keystore(), environment::getProperty, dataDir, random);
        NativeCrypto crypto = nativeCrypto(ca);
        CertificateAuthority.Builder builder = CertificateAuthority.builder()
                .dataSource(dataSource)
                .settings(settings)
                .keyStore(keyStore)
                .events(ocspRequests.events(publisher))
                .clock(clock)
                .random(random)
                .nativeCrypto(crypto);
        CaKeyStores.importedCa(ca.importCa(), environment::getProperty, keyStore.contains(ISSUING_ALIAS))
                .ifPresent(builder::importCa);
        CertificateAuthority authority = builder.open();
        log.info("CA ready: issuing CA '{}', certificates point at {}",
                authority.issuingCertificate().getSubjectX500Principal().getName(), publicUrl);
        log.info("CA signs with {}", ca.keystore().type() == CaProperties.KeystoreType.PKCS11
                ? "the PKCS#11 token" : crypto.describe());
        return authority;
    }

    /**
     * Changes to accounts and API tokens go into the CA's hash-chained audit log, beside the
     * logins ({@link LoginAudit}) and the CA's own actions, so one chain tells what every admin did.
     */
    @Bean
    AccountAudit accountAudit(CertificateAuthority ca) {
        return ca::audit;
    }
}
