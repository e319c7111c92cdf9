package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import vn.kyso.ca.CaSettings;
import vn.kyso.ca.KeyAlgorithm;

class CaPropertiesTest {

    private static final Path DATA = Path.of("/srv/kyso");
    private static final String URL = "https://kyso.camau.gov.vn";

    @Test
    void withoutSettingsTheCaKeepsItsDefaults() {
        CaProperties properties = bind(Map.of());

        assertThat(properties.toSettings(DATA, URL)).isEqualTo(CaSettings.defaults(DATA, URL));
        assertThat(properties.nativeCrypto()).isTrue();
        assertThat(properties.keystore().type()).isEqualTo(CaProperties.KeystoreType.PKCS12);
        assertThat(properties.importCa().pkcs12()).isNull();
    }

    @Test
    void everyCaSettingBindsFromKebabCaseKeys() {
        CaProperties properties = bind(Map.ofEntries(
                Map.entry("kyso.ca.native-crypto", "false"),
                Map.entry("kyso.ca.hierarchy.root-name", "C=VN,O=Sở Thông tin và Truyền thông,CN=Root CA"),
                Map.entry("kyso.ca.hierarchy.root-key", "rsa-4096"),
                Map.entry("kyso.ca.hierarchy.root-validity", "25y"),
                Map.entry("kyso.ca.hierarchy.issuing-key", "EC_P256"),
                Map.entry("kyso.ca.hierarchy.issuing-validity", "8y"),
                Map.entry("kyso.ca.profiles.personal-validity", "2y"),
                Map.entry("kyso.ca.profiles.policy-oid", "1.3.6.1.4.1.99999.1.1"),
                Map.entry("kyso.ca.profiles.issuing-ca-policy", "any-policy"),
                Map.entry("kyso.ca.profiles.subject-email", "true"),
                Map.entry("kyso.ca.profiles.unit-repeats-organisation", "true"),
                Map.entry("kyso.ca.ocsp.key", "ec-p256"),
                Map.entry("kyso.ca.ocsp.validity", "3d"),
                Map.entry("kyso.ca.ocsp.renew-before", "1d"),
                Map.entry("kyso.ca.ocsp.response-validity", "30m"),
                Map.entry("kyso.ca.ocsp.cache-ttl", "0s"),
                Map.entry("kyso.ca.tsa.key", "rsa-3072"),
                Map.entry("kyso.ca.crl.next-update", "6h"),
                Map.entry("kyso.ca.custody.argon-memory", "64MB"),
                Map.entry("kyso.ca.custody.argon-iterations", "4"),
                Map.entry("kyso.ca.custody.max-pin-attempts", "3"),
                Map.entry("kyso.ca.custody.export-allowed", "false"),
                Map.entry("kyso.ca.keystore.type", "pkcs11"),
                Map.entry("kyso.ca.keystore.pkcs11-library", "/usr/lib/softhsm/libsofthsm2.so"),
                Map.entry("kyso.ca.keystore.pkcs11-slot", "7"),
                Map.entry("kyso.ca.import.pkcs12", "/srv/import/issuing.p12")));

        CaSettings settings = properties.toSettings(DATA, URL);

        assertThat(properties.nativeCrypto()).isFalse();
        assertThat(settings.hierarchy().rootName()).isEqualTo("C=VN,O=Sở Thông tin và Truyền thông,CN=Root CA");
        assertThat(settings.hierarchy().rootKey()).isEqualTo(KeyAlgorithm.RSA_4096);
        assertThat(settings.hierarchy().rootValidity()).isEqualTo(Period.ofYears(25));
        assertThat(settings.hierarchy().issuingKey()).isEqualTo(KeyAlgorithm.EC_P256);
        assertThat(settings.hierarchy().issuingValidity()).isEqualTo(Period.ofYears(8));
        assertThat(settings.hierarchy().issuingName()).isEqualTo(CaSettings.Hierarchy.defaults().issuingName());
        assertThat(settings.profiles().personalValidity()).isEqualTo(Period.ofYears(2));
        assertThat(settings.profiles().agencyValidity()).isEqualTo(Period.ofYears(5));
        assertThat(settings.profiles().policyOid()).isEqualTo("1.3.6.1.4.1.99999.1.1");
        assertThat(settings.profiles().caPolicy()).isEqualTo(CaSettings.CaPolicy.ANY_POLICY);
        assertThat(settings.profiles().subjectEmail()).isTrue();
        assertThat(settings.profiles().unitRepeatsOrganisation()).isTrue();
        assertThat(settings.responders().ocspKey()).isEqualTo(KeyAlgorithm.EC_P256);
        assertThat(settings.responders().ocspValidity()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.responders().ocspResponseValidity()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.responders().ocspCacheTtl()).isZero();
        assertThat(settings.responders().tsaKey()).isEqualTo(KeyAlgorithm.RSA_3072);
        assertThat(settings.responders().crlNextUpdate()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.custody().argonMemoryKib()).isEqualTo(64 * 1024);
        assertThat(settings.custody().argonIterations()).isEqualTo(4);
        assertThat(settings.custody().maxPinAttempts()).isEqualTo(3);
        assertThat(settings.custody().exportAllowed()).isFalse();
        assertThat(properties.keystore().pkcs11Slot()).isEqualTo(7L);
        assertThat(properties.importCa().pkcs12()).isEqualTo(Path.of("/srv/import/issuing.p12"));
    }

    @Test
    void theOcspListenerIsOffByDefaultOn8081AndItsSettingsBind() throws Exception {
        CaProperties.Listener defaults = bind(Map.of()).ocsp().listener();
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.port()).isEqualTo(8081);
        assertThat(defaults.address()).isNull();
        assertThat(defaults.threadCount()).isEqualTo(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.maxKeepAliveRequests()).isEqualTo(100);

        CaProperties.Listener set = bind(Map.of("kyso.ca.ocsp.listener.enabled", "true",
                "kyso.ca.ocsp.listener.port", "9081", "kyso.ca.ocsp.listener.address", "127.0.0.1",
                "kyso.ca.ocsp.listener.threads", "6", "kyso.ca.ocsp.listener.read-timeout", "750ms",
                "kyso.ca.ocsp.listener.request-timeout", "3s", "kyso.ca.ocsp.listener.max-keep-alive-requests", "1"))
                .ocsp().listener();
        assertThat(set).isEqualTo(new CaProperties.Listener(true, 9081, java.net.InetAddress.getByName("127.0.0.1"), 6,
                Duration.ofMillis(750), Duration.ofSeconds(3), 1));
        assertThat(set.threadCount()).isEqualTo(6);
    }

    @Test
    void certificatesNameTheOcspUrlSetOrElseThePublicUrlsOwn() {
        assertThat(bind(Map.of()).toSettings(DATA, URL).ocspUrl()).isEqualTo(URL + "/ocsp");
        assertThat(bind(Map.of("kyso.ca.ocsp.url", "http://ocsp.camau.gov.vn/ocsp")).toSettings(DATA, URL).ocspUrl())
                .isEqualTo("http://ocsp.camau.gov.vn/ocsp");
    }

    @Test
    void nonsenseCaSettingsStopTheStartNamingTheSetting() {
        assertRefused(Map.of("kyso.ca.ocsp.url", "ldap://ocsp.camau.gov.vn"), "kyso.ca.ocsp.url");
        assertRefused(Map.of("kyso.ca.ocsp.url", "/ocsp"), "kyso.ca.ocsp.url");
        assertRefused(Map.of("kyso.ca.ocsp.listener.port", "65536"), "kyso.ca.ocsp.listener.port");
        assertRefused(Map.of("kyso.ca.ocsp.listener.threads", "0"), "kyso.ca.ocsp.listener.threads");
        assertRefused(Map.of("kyso.ca.ocsp.listener.request-timeout", "0s"), "kyso.ca.ocsp.listener.request-timeout");
        assertRefused(Map.of("kyso.ca.ocsp.listener.read-timeout", "1h"), "kyso.ca.ocsp.listener.read-timeout");
        assertRefused(Map.of("kyso.ca.hierarchy.root-key", "rsa-1024"), "kyso.ca.hierarchy.root-key");
        assertRefused(Map.of("kyso.ca.hierarchy.root-validity", "-1y"), "kyso.ca.hierarchy.root-validity");
        assertRefused(Map.of("kyso.ca.hierarchy.issuing-name", "not a DN"), "kyso.ca.hierarchy.issuing-name");
        assertRefused(Map.of("kyso.ca.ocsp.cache-ttl", "2h"), "kyso.ca.ocsp.cache-ttl");
        assertRefused(Map.of("kyso.ca.tsa.policy-oid", "1.2.x"), "kyso.ca.tsa.policy-oid");
        assertRefused(Map.of("kyso.ca.profiles.policy-oid", CaSettings.LEGACY_ARC + ".1.1"),
                "kyso.ca.profiles.policy-oid");
        assertRefused(Map.of("kyso.ca.tsa.policy-oid", "1.3.6.1.4.1.268435456.2.1"), "kyso.ca.tsa.policy-oid");
        assertRefused(Map.of("kyso.ca.custody.argon-memory", "1MB"), "kyso.ca.custody.argon-memory");
        assertRefused(Map.of("kyso.ca.custody.max-pin-attempts", "0"), "kyso.ca.custody.max-pin-attempts");
        assertRefused(Map.of("kyso.ca.keystore.type", "jks"), "kyso.ca.keystore.type");
        assertRefused(Map.of("kyso.ca.keystore.type", "pkcs11"), "kyso.ca.keystore.pkcs11-library");
        CaProperties renewTooLate = bind(Map.of("kyso.ca.ocsp.validity", "1d", "kyso.ca.ocsp.renew-before", "2d"));
        assertThatThrownBy(() -> renewTooLate.toSettings(DATA, URL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kyso.ca.ocsp.renew-before");
    }

    private static void assertRefused(Map<String, String> values, String setting) {
        assertThatThrownBy(() -> bind(values)).as(values.toString()).isInstanceOf(BindException.class)
                .satisfies(e -> assertThat(messages(e)).contains(setting));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    static CaProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("kyso.ca", CaProperties.class);
    }
}
