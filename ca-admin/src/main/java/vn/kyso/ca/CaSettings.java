package vn.kyso.ca;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Objects;

/**
 * Everything the CA is told by the service (in the service: {@code kyso.ca.*} properties).
 *
 * @param dataDir   folder of the CA keystore (ca-keys.p12) and other files the CA keeps
 * @param publicUrl base URL that certificates' CDP and AIA point at, without trailing slash
 * @param ocspUrl   the OCSP URL of certificates' AIA: {@code <publicUrl>/ocsp} unless given (e.g. a
 *                  responder on a port or host of its own)
 */
public record CaSettings(Path dataDir, String publicUrl, Hierarchy hierarchy, Profiles profiles,
                         Custody custody, Responders responders, String ocspUrl) {

    /**
     * The arc of kyso's default policy OIDs: 2.999 is ITU-T X.660's arc for examples (no
     * registration), then 704 (Viet Nam's country code) and 96 (Cà Mau's province code). Every
     * arc is far below 2^28, which RFC 5280 Appendix B asks every implementation to handle. It is
     * a placeholder: a province sets OIDs of its own registered arc (docs/ca-settings.md).
     */
    public static final String DEFAULT_ARC = "2.999.704.96";

    /**
     * The UUID arc (X.667, 2.25) of kyso before it: one arc is a 128-bit number that Go before
     * 1.22, zlint and others refuse. Certificates issued under it keep it (docs/ca-migration.md).
     */
    public static final String LEGACY_ARC = "2.25.192587533552239565020393630843167063152";

    public CaSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(hierarchy, "hierarchy");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(custody, "custody");
        Objects.requireNonNull(responders, "responders");
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            throw new IllegalArgumentException("publicUrl must be an http(s) URL: " + publicUrl);
        }
        if (ocspUrl == null) {
            ocspUrl = publicUrl + "/ocsp";
        } else if (!ocspUrl.startsWith("http://") && !ocspUrl.startsWith("https://")) {
            throw new IllegalArgumentException("ocspUrl must be an http(s) URL: " + ocspUrl);
        }
    }

    /** The settings with the OCSP URL at {@code <publicUrl>/ocsp}. */
    public CaSettings(Path dataDir, String publicUrl, Hierarchy hierarchy, Profiles profiles, Custody custody,
                      Responders responders) {
        this(dataDir, publicUrl, hierarchy, profiles, custody, responders, null);
    }

    /** The defaults of the issue: root ECDSA P-384 for 20 years, issuing CA for 10. */
    public static CaSettings defaults(Path dataDir, String publicUrl) {
        return new CaSettings(dataDir, publicUrl, Hierarchy.defaults(), Profiles.defaults(),
                Custody.defaults(), Responders.defaults());
    }

    public CaSettings withHierarchy(Hierarchy h) {
        return new CaSettings(dataDir, publicUrl, h, profiles, custody, responders, ocspUrl);
    }

    public CaSettings withProfiles(Profiles p) {
        return new CaSettings(dataDir, publicUrl, hierarchy, p, custody, responders, ocspUrl);
    }

    public CaSettings withCustody(Custody c) {
        return new CaSettings(dataDir, publicUrl, hierarchy, profiles, c, responders, ocspUrl);
    }

    public CaSettings withResponders(Responders r) {
        return new CaSettings(dataDir, publicUrl, hierarchy, profiles, custody, r, ocspUrl);
    }

    /** The settings with certificates' AIA naming this OCSP URL (null: {@code <publicUrl>/ocsp}). */
    public CaSettings withOcspUrl(String url) {
        return new CaSettings(dataDir, publicUrl, hierarchy, profiles, custody, responders, url);
    }

    public String crlUrl() {
        return publicUrl + "/crl/issuing.crl";
    }

    /** The root's CRL over the CA certificates it signed, named in the issuing CA certificate. */
    public String rootCrlUrl() {
        return publicUrl + "/crl/root.crl";
    }

    public String issuingCaUrl() {
        return publicUrl + "/ca/issuing.crt";
    }

    public String rootCaUrl() {
        return publicUrl + "/ca/root.crt";
    }

    /** Names, key types and validity of the two CA certificates. */
    public record Hierarchy(String rootName, KeyAlgorithm rootKey, Period rootValidity,
                            String issuingName, KeyAlgorithm issuingKey, Period issuingValidity) {
        public Hierarchy {
            Objects.requireNonNull(rootName, "rootName");
            Objects.requireNonNull(rootKey, "rootKey");
            Objects.requireNonNull(rootValidity, "rootValidity");
            Objects.requireNonNull(issuingName, "issuingName");
            Objects.requireNonNull(issuingKey, "issuingKey");
            Objects.requireNonNull(issuingValidity, "issuingValidity");
        }

        public static Hierarchy defaults() {
            return new Hierarchy("C=VN,ST=Cà Mau,O=Ủy ban nhân dân tỉnh Cà Mau,CN=kyso Root CA Cà Mau",
                    KeyAlgorithm.EC_P384, Period.ofYears(20),
                    "C=VN,ST=Cà Mau,O=Ủy ban nhân dân tỉnh Cà Mau,CN=kyso Issuing CA Cà Mau",
                    KeyAlgorithm.EC_P384, Period.ofYears(10));
        }
    }

    /** What the issuing CA certificate asserts in its certificatePolicies (set when the hierarchy is created). */
    public enum CaPolicy {
        /** The certificate policy OID and the TSA policy OID: a relying party sees which policies the CA may issue under. */
        POLICY_OIDS,
        /** anyPolicy (2.5.29.32.0): every policy of the end-entity certificates passes the CA. */
        ANY_POLICY
    }

    /**
     * End-entity profiles.
     *
     * @param province                 ST and L of subjects
     * @param policyOid                certificatePolicies OID of every end-entity certificate (arcs below 2^28)
     * @param expiryWarning            how long before expiry a certificate is listed as expiring
     * @param caPolicy                 what the issuing CA certificate asserts
     * @param subjectEmail             whether the subject repeats the subjectAltName's address as emailAddress
     * @param unitRepeatsOrganisation  whether a personal subject has OU even when it equals O (a top-level unit)
     * @param maxRsaBits               the largest RSA modulus a CSR may carry (16,384-bit keys cost every verifier)
     */
    public record Profiles(String province, String policyOid, Period personalValidity,
                           Period agencyValidity, Duration expiryWarning, CaPolicy caPolicy, boolean subjectEmail,
                           boolean unitRepeatsOrganisation, int maxRsaBits) {
        public static final int DEFAULT_MAX_RSA_BITS = 4096;

        /** The profiles with the default bound on RSA key sizes. */
        public Profiles(String province, String policyOid, Period personalValidity, Period agencyValidity,
                        Duration expiryWarning, CaPolicy caPolicy, boolean subjectEmail, boolean unitRepeatsOrganisation) {
            this(province, policyOid, personalValidity, agencyValidity, expiryWarning, caPolicy, subjectEmail,
                    unitRepeatsOrganisation, DEFAULT_MAX_RSA_BITS);
        }

        public Profiles {
            if (maxRsaBits < 2048 || maxRsaBits > 16384) {
                throw new IllegalArgumentException("the RSA key size bound must be 2048 to 16384 bits");
            }
            Objects.requireNonNull(province, "province");
            Objects.requireNonNull(policyOid, "policyOid");
            Objects.requireNonNull(personalValidity, "personalValidity");
            Objects.requireNonNull(agencyValidity, "agencyValidity");
            Objects.requireNonNull(expiryWarning, "expiryWarning");
            Objects.requireNonNull(caPolicy, "caPolicy");
            Oids.requireSmallArcs("policyOid", policyOid);
        }

        /** The profile settings of before: the issuing CA asserts the policy OIDs; subjects without repeats. */
        public Profiles(String province, String policyOid, Period personalValidity, Period agencyValidity,
                        Duration expiryWarning) {
            this(province, policyOid, personalValidity, agencyValidity, expiryWarning, CaPolicy.POLICY_OIDS, false,
                    false);
        }

        public static Profiles defaults() {
            return new Profiles("Cà Mau", DEFAULT_ARC + ".1.1", Period.ofYears(3), Period.ofYears(5),
                    Duration.ofDays(30));
        }
    }

    /**
     * Key custody: key type of generated keys, Argon2id cost, PIN attempts, export policy.
     * OWASP's floor for Argon2id is 19 MiB, 2 passes; the default is above it.
     */
    public record Custody(KeyAlgorithm keyAlgorithm, int argonMemoryKib, int argonIterations,
                          int argonParallelism, int maxPinAttempts, boolean exportAllowed) {
        public Custody {
            Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
            if (argonMemoryKib < 8 || argonIterations < 1 || argonParallelism < 1 || maxPinAttempts < 1) {
                throw new IllegalArgumentException("custody KDF parameters and PIN attempts must be positive");
            }
        }

        public static Custody defaults() {
            return new Custody(KeyAlgorithm.RSA_2048, 32 * 1024, 3, 1, 5, true);
        }
    }

    /**
     * OCSP responder, TSA and CRL.
     *
     * @param ocspValidity         lifetime of the delegated responder certificate
     * @param ocspRenewBefore      the responder certificate is replaced when it has less left
     * @param ocspResponseValidity nextUpdate - thisUpdate of OCSP responses
     * @param ocspCacheTtl         how long a signed response to a request without nonce is reused (zero: no cache)
     * @param crlNextUpdate        nextUpdate - thisUpdate of the issuing CA's CRLs
     * @param rootCrlNextUpdate    nextUpdate - thisUpdate of the root's CRL (long: the root key is rarely used)
     */
    public record Responders(String ocspName, KeyAlgorithm ocspKey, Duration ocspValidity,
                             Duration ocspRenewBefore, Duration ocspResponseValidity, Duration ocspCacheTtl,
                             String tsaName, KeyAlgorithm tsaKey, Period tsaValidity,
                             String tsaPolicyOid, Duration tsaAccuracy, Duration crlNextUpdate,
                             Duration rootCrlNextUpdate) {
        public Responders {
            Objects.requireNonNull(ocspName, "ocspName");
            Objects.requireNonNull(ocspKey, "ocspKey");
            Objects.requireNonNull(ocspValidity, "ocspValidity");
            Objects.requireNonNull(ocspRenewBefore, "ocspRenewBefore");
            Objects.requireNonNull(ocspResponseValidity, "ocspResponseValidity");
            Objects.requireNonNull(ocspCacheTtl, "ocspCacheTtl");
            Objects.requireNonNull(tsaName, "tsaName");
            Objects.requireNonNull(tsaKey, "tsaKey");
            Objects.requireNonNull(tsaValidity, "tsaValidity");
            Objects.requireNonNull(tsaPolicyOid, "tsaPolicyOid");
            Oids.requireSmallArcs("tsaPolicyOid", tsaPolicyOid);
            Objects.requireNonNull(tsaAccuracy, "tsaAccuracy");
            Objects.requireNonNull(crlNextUpdate, "crlNextUpdate");
            Objects.requireNonNull(rootCrlNextUpdate, "rootCrlNextUpdate");
            if (rootCrlNextUpdate.isNegative() || rootCrlNextUpdate.isZero()) {
                throw new IllegalArgumentException("rootCrlNextUpdate must be positive");
            }
            if (ocspRenewBefore.compareTo(ocspValidity) >= 0) {
                throw new IllegalArgumentException("ocspRenewBefore must be shorter than ocspValidity");
            }
        }

        public static Responders defaults() {
            return new Responders("C=VN,ST=Cà Mau,O=Ủy ban nhân dân tỉnh Cà Mau,CN=kyso OCSP Responder",
                    KeyAlgorithm.RSA_2048, Duration.ofDays(7), Duration.ofDays(2), Duration.ofHours(1),
                    Duration.ofSeconds(10),
                    "C=VN,ST=Cà Mau,O=Ủy ban nhân dân tỉnh Cà Mau,CN=kyso Time Stamping Authority",
                    KeyAlgorithm.RSA_2048, Period.ofYears(5), DEFAULT_ARC + ".2.1", Duration.ofSeconds(1),
                    Duration.ofDays(1), Duration.ofDays(30));
        }
    }
}
