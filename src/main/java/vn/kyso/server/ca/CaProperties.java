package vn.kyso.server.ca;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

import vn.kyso.ca.CaSettings;
import vn.kyso.ca.KeyAlgorithm;

/**
 * The CA's settings, bound from {@code kyso.ca.*}. A setting left out keeps the CA's default
 * ({@link CaSettings#defaults}): one place holds them. Secrets are not here: the PKCS#12
 * passphrase is {@code KYSO_CA_PASSPHRASE}, the token PIN {@code KYSO_CA_PKCS11_PIN} and an
 * imported CA's passphrase {@code KYSO_CA_IMPORT_PASSPHRASE}, all from the environment.
 *
 * @param nativeCrypto the CA's software keys sign natively (AWS-LC) when available
 */
@ConfigurationProperties("kyso.ca")
public record CaProperties(
        @DefaultValue("true") boolean nativeCrypto,
        @DefaultValue Hierarchy hierarchy,
        @DefaultValue Profiles profiles,
        @DefaultValue Ocsp ocsp,
        @DefaultValue Tsa tsa,
        @DefaultValue Crl crl,
        @DefaultValue Custody custody,
        @DefaultValue Keystore keystore,
        @Name("import") @DefaultValue Import importCa) {

    /** Names, key types and validity of the root and issuing CA, used when the hierarchy is created. */
    public record Hierarchy(String rootName, KeyAlgorithm rootKey, Period rootValidity, String issuingName,
                            KeyAlgorithm issuingKey, Period issuingValidity) {
        public Hierarchy {
            positive("kyso.ca.hierarchy.root-validity", rootValidity);
            positive("kyso.ca.hierarchy.issuing-validity", issuingValidity);
            distinguishedName("kyso.ca.hierarchy.root-name", rootName);
            distinguishedName("kyso.ca.hierarchy.issuing-name", issuingName);
        }

        CaSettings.Hierarchy apply(CaSettings.Hierarchy d) {
            return new CaSettings.Hierarchy(or(rootName, d.rootName()), or(rootKey, d.rootKey()),
                    or(rootValidity, d.rootValidity()), or(issuingName, d.issuingName()),
                    or(issuingKey, d.issuingKey()), or(issuingValidity, d.issuingValidity()));
        }
    }

    /**
     * End-entity profiles: ST/L of subjects, certificatePolicies OID, validity, expiry warning;
     * what the issuing CA asserts (at creation), the subject's optional repeats, and the largest
     * RSA key a CSR may carry (default 4096).
     */
    public record Profiles(String province, String policyOid, Period personalValidity, Period agencyValidity,
                           Duration expiryWarning, CaSettings.CaPolicy issuingCaPolicy, Boolean subjectEmail,
                           Boolean unitRepeatsOrganisation, Integer maxRsaBits) {
        public Profiles {
            notBlank("kyso.ca.profiles.province", province);
            oid("kyso.ca.profiles.policy-oid", policyOid);
            positive("kyso.ca.profiles.personal-validity", personalValidity);
            positive("kyso.ca.profiles.agency-validity", agencyValidity);
            positive("kyso.ca.profiles.expiry-warning", expiryWarning);
        }

        CaSettings.Profiles apply(CaSettings.Profiles d) {
            return new CaSettings.Profiles(or(province, d.province()), or(policyOid, d.policyOid()),
                    or(personalValidity, d.personalValidity()), or(agencyValidity, d.agencyValidity()),
                    or(expiryWarning, d.expiryWarning()), or(issuingCaPolicy, d.caPolicy()),
                    or(subjectEmail, d.subjectEmail()), or(unitRepeatsOrganisation, d.unitRepeatsOrganisation()),
                    or(maxRsaBits, d.maxRsaBits()));
        }
    }

    /**
     * The delegated OCSP responder.
     *
     * @param validity         lifetime of the responder certificate (renewed automatically)
     * @param renewBefore      the certificate is replaced when less than this is left
     * @param responseValidity nextUpdate - thisUpdate of responses
     * @param cacheTtl         how long a signed response to a request without nonce is reused (0: no cache)
     * @param url              the OCSP URL written into certificates (default: {@code <kyso.public-url>/ocsp})
     * @param listener         the responder's own port beside the main one ({@link OcspListener})
     */
    public record Ocsp(String name, KeyAlgorithm key, Duration validity, Duration renewBefore,
                       Duration responseValidity, Duration cacheTtl, URI url, @DefaultValue Listener listener) {
        public Ocsp {
            if (url != null && (url.getHost() == null
                    || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())))) {
                throw new IllegalArgumentException("kyso.ca.ocsp.url must be an absolute http(s) URL: " + url);
            }
            distinguishedName("kyso.ca.ocsp.name", name);
            positive("kyso.ca.ocsp.validity", validity);
            positive("kyso.ca.ocsp.renew-before", renewBefore);
            positive("kyso.ca.ocsp.response-validity", responseValidity);
            if (cacheTtl != null && (cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofHours(1)) > 0)) {
                throw new IllegalArgumentException("kyso.ca.ocsp.cache-ttl must be between 0 and 1h: " + cacheTtl);
            }
        }
    }

    /**
     * OCSP on a port of its own ({@code kyso.ca.ocsp.listener.*}), off by default: a few threads,
     * each accepting a connection and answering it itself, the way OpenSSL's responder and
     * standalone validation authorities are run. A thread serves one connection at a time, so the
     * timeouts bound how long a slow or idle client can hold one.
     *
     * @param enabled              whether the listener runs
     * @param port                 its port (0: any free one, logged at start)
     * @param address              the interface it binds (all of them when unset)
     * @param threads              connections served at once (default: twice the number of cores, at least 4)
     * @param readTimeout          the longest wait for a request's next bytes, and for the next request on
     *                             a kept-alive connection
     * @param requestTimeout       a request's line, headers and body must all arrive within this of its first byte
     * @param maxKeepAliveRequests requests answered on one connection before it is closed
     */
    public record Listener(@DefaultValue("false") boolean enabled, @DefaultValue("8081") int port,
                           InetAddress address, Integer threads, @DefaultValue("2s") Duration readTimeout,
                           @DefaultValue("5s") Duration requestTimeout,
                           @DefaultValue("100") int maxKeepAliveRequests) {
        public Listener {
            between("kyso.ca.ocsp.listener.port", port, 0, 65535);
            between("kyso.ca.ocsp.listener.threads", threads, 1, 256);
            between("kyso.ca.ocsp.listener.max-keep-alive-requests", maxKeepAliveRequests, 1, 1_000_000);
            timeout("kyso.ca.ocsp.listener.read-timeout", readTimeout);
            timeout("kyso.ca.ocsp.listener.request-timeout", requestTimeout);
        }

        /**
         * The threads to run: the setting, or twice the number of cores (at least 4). The work is
         * CPU-bound, but a thread waiting on a slow or idle client does none: on 2 cores 4 threads
         * answered as many requests a second as 2 (docs/benchmarks.md), and two slow clients no
         * longer stop the listener.
         */
        public int threadCount() {
            return threads != null ? threads : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        }
    }

    /** The time-stamping authority's certificate and tokens. */
    public record Tsa(String name, KeyAlgorithm key, Period validity, String policyOid, Duration accuracy) {
        public Tsa {
            distinguishedName("kyso.ca.tsa.name", name);
            positive("kyso.ca.tsa.validity", validity);
            oid("kyso.ca.tsa.policy-oid", policyOid);
            positive("kyso.ca.tsa.accuracy", accuracy);
        }
    }

    /** nextUpdate - thisUpdate of the issuing CA's CRLs and of the root's. */
    public record Crl(Duration nextUpdate, Duration rootNextUpdate) {
        public Crl {
            positive("kyso.ca.crl.next-update", nextUpdate);
            positive("kyso.ca.crl.root-next-update", rootNextUpdate);
        }
    }

    /**
     * Key custody: generated keys' type, the Argon2id cost of a PIN, PIN attempts, export policy.
     * OWASP's floor for Argon2id is 19 MiB with 2 passes.
     */
    public record Custody(KeyAlgorithm keyAlgorithm, DataSize argonMemory, Integer argonIterations,
                          Integer argonParallelism, Integer maxPinAttempts, Boolean exportAllowed) {
        public Custody {
            if (argonMemory != null && (argonMemory.toKilobytes() < 8 * 1024 || argonMemory.toGigabytes() > 4)) {
                throw new IllegalArgumentException("kyso.ca.custody.argon-memory must be between 8MB and 4GB: "
                        + argonMemory);
            }
            between("kyso.ca.custody.argon-iterations", argonIterations, 1, 100);
            between("kyso.ca.custody.argon-parallelism", argonParallelism, 1, 64);
            between("kyso.ca.custody.max-pin-attempts", maxPinAttempts, 1, 100);
        }

        CaSettings.Custody apply(CaSettings.Custody d) {
            return new CaSettings.Custody(or(keyAlgorithm, d.keyAlgorithm()),
                    argonMemory == null ? d.argonMemoryKib() : (int) argonMemory.toKilobytes(),
                    or(argonIterations, d.argonIterations()), or(argonParallelism, d.argonParallelism()),
                    or(maxPinAttempts, d.maxPinAttempts()), or(exportAllowed, d.exportAllowed()));
        }
    }

    /** Where the CA keys live: a PKCS#12 file in the data folder, or a PKCS#11 token (HSM). */
    public enum KeystoreType { PKCS12, PKCS11 }

    /**
     * @param pkcs11Library the token's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so
     * @param pkcs11Slot    the slot id of the token
     */
    public record Keystore(@DefaultValue("pkcs12") KeystoreType type, Path pkcs11Library, Long pkcs11Slot) {
        public Keystore {
            if (type == KeystoreType.PKCS11 && (pkcs11Library == null || pkcs11Slot == null)) {
                throw new IllegalArgumentException(
                        "kyso.ca.keystore.type=pkcs11 needs kyso.ca.keystore.pkcs11-library and pkcs11-slot");
            }
            if (pkcs11Slot != null && pkcs11Slot < 0) {
                throw new IllegalArgumentException("kyso.ca.keystore.pkcs11-slot must not be negative");
            }
        }
    }

    /**
     * An existing issuing CA to use on first start instead of creating a hierarchy: a PKCS#12 file
     * holding its key and chain (passphrase in {@code KYSO_CA_IMPORT_PASSPHRASE}).
     *
     * @param pkcs12 the file; ignored once the hierarchy exists
     * @param alias  the entry to take when the file holds several keys
     */
    public record Import(Path pkcs12, String alias) {
    }

    /** The CA's settings: these values over the CA's defaults. */
    public CaSettings toSettings(Path dataDir, String publicUrl) {
        CaSettings d = CaSettings.defaults(dataDir, publicUrl);
        CaSettings.Responders r = d.responders();
        Duration ocspValidity = or(ocsp.validity(), r.ocspValidity());
        Duration renewBefore = or(ocsp.renewBefore(), r.ocspRenewBefore());
        if (renewBefore.compareTo(ocspValidity) >= 0) {
            throw new IllegalArgumentException("kyso.ca.ocsp.renew-before (" + renewBefore
                    + ") must be shorter than kyso.ca.ocsp.validity (" + ocspValidity + ")");
        }
        CaSettings.Responders responders = new CaSettings.Responders(or(ocsp.name(), r.ocspName()),
                or(ocsp.key(), r.ocspKey()), ocspValidity, renewBefore,
                or(ocsp.responseValidity(), r.ocspResponseValidity()), or(ocsp.cacheTtl(), r.ocspCacheTtl()),
                or(tsa.name(), r.tsaName()), or(tsa.key(), r.tsaKey()), or(tsa.validity(), r.tsaValidity()),
                or(tsa.policyOid(), r.tsaPolicyOid()), or(tsa.accuracy(), r.tsaAccuracy()),
                or(crl.nextUpdate(), r.crlNextUpdate()), or(crl.rootNextUpdate(), r.rootCrlNextUpdate()));
        return d.withHierarchy(hierarchy.apply(d.hierarchy())).withProfiles(profiles.apply(d.profiles()))
                .withCustody(custody.apply(d.custody())).withResponders(responders)
                .withOcspUrl(ocsp.url() == null ? null : ocsp.url().toString());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static void positive(String name, Period value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void between(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
        }
    }

    private static void timeout(String name, Duration value) {
        if (value == null || value.toMillis() < 1 || value.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(name + " must be between 1ms and 5m: " + value);
        }
    }

    private static void notBlank(String name, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void distinguishedName(String name, String value) {
        notBlank(name, value);
        if (value != null) {
            try {
                new X500Name(BCStyle.INSTANCE, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not a distinguished name (C=VN,O=...,CN=...): " + value);
            }
        }
    }

    private static void oid(String name, String value) {
        if (value != null && !vn.kyso.ca.Oids.hasSmallArcs(value)) {
            throw new IllegalArgumentException(name + " is not an object identifier whose arcs are all below 2^28 "
                    + "(RFC 5280 Appendix B; see docs/ca-settings.md): " + value);
        }
    }
}
