package vn.kyso.ca.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.ImportedCa;
import vn.kyso.ca.NewOfficer;
import vn.kyso.ca.Oids;
import vn.kyso.ca.testing.CertificateLint;
import vn.kyso.ca.testing.CertificateLint.Kind;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

/**
 * Issues every profile (personal, agency, OCSP responder, TSA, issuing CA, root) and checks each
 * with the RFC 5280 rules that matter (CertificateLint), OpenSSL's explicit-policy validation
 * and Go's crypto/x509, so that a profile regression shows in CI.
 */
class ProfileLintTest {

    @TempDir
    Path dir;

    private final List<TestDatabase> databases = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        databases.forEach(TestDatabase::close);
    }

    @Test
    void everyProfilePassesTheLinterExplicitPolicyValidationAndGo() throws Exception {
        CaSettings settings = CaSettings.defaults(dir, "http://127.0.0.1:8080")
                .withCustody(TestCa.fastSettings(dir).custody());
        TestCa t = TestCa.open(h2(), settings, MutableClock.now());
        Map<String, X509Certificate> endEntities = endEntities(t);

        String cp = settings.profiles().policyOid();
        String tsaPolicy = settings.responders().tsaPolicyOid();
        assertThat(cp).startsWith("2.999.704.96.");
        assertThat(CertificateLint.check(t.ca.rootCertificate(), t.ca.rootCertificate(), Kind.ROOT)).isEmpty();
        assertThat(CertificateLint.check(t.ca.issuingCertificate(), t.ca.rootCertificate(), Kind.ISSUING_CA)).isEmpty();
        endEntities.forEach((name, cert) -> assertThat(CertificateLint.check(cert, t.ca.issuingCertificate(),
                Kind.END_ENTITY)).as(name).isEmpty());
        assertThat(policies(t.ca.issuingCertificate())).containsExactlyInAnyOrder(cp, tsaPolicy);
        assertThat(policies(endEntities.get("tsa"))).containsExactlyInAnyOrder(cp, tsaPolicy);

        Path root = Openssl.pem(dir, "root.pem", t.ca.rootCertificate());
        Path issuing = Openssl.pem(dir, "issuing.pem", t.ca.issuingCertificate());
        assertExplicitPolicyOk(root, issuing, issuing, cp);
        for (Map.Entry<String, X509Certificate> e : endEntities.entrySet()) {
            assertExplicitPolicyOk(root, issuing, Openssl.pem(dir, e.getKey() + ".pem", e.getValue()), cp);
        }
        assertExplicitPolicyOk(root, issuing, dir.resolve("tsa.pem"), tsaPolicy);

        List<Path> all = new ArrayList<>(List.of(root, issuing));
        endEntities.keySet().forEach(name -> all.add(dir.resolve(name + ".pem")));
        Openssl.Result go = goParse(all);
        assertThat(go.exit()).as(go.output()).isZero();
        assertThat(go.output()).contains("OK " + dir.resolve("personal.pem") + " parsed and verified",
                "OK " + dir.resolve("tsa.pem") + " parsed and verified");

        TimeStampRequestGenerator request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        TimeStampResponse token = new TimeStampResponse(t.ca.timestamp(request.generate(TSPAlgorithms.SHA256,
                new byte[32]).getEncoded()));
        String tokenPolicy = token.getTimeStampToken().getTimeStampInfo().getPolicy().getId();
        assertThat(tokenPolicy).isEqualTo(tsaPolicy);
        assertThat(Oids.hasSmallArcs(tokenPolicy)).isTrue();
    }

    @Test
    void personalSubjectsRepeatNeitherOrganisationNorTheAltNameAddress() throws Exception {
        TestCa t = TestCa.open(h2(), dir, MutableClock.now());
        X509Certificate top = personal(t, "CM", "079000000011");

        X500Name subject = new JcaX509CertificateHolder(top).getSubject();
        assertThat(subject.getRDNs(BCStyle.O)).hasSize(1);
        assertThat(subject.getRDNs(BCStyle.OU)).isEmpty();
        assertThat(subject.getRDNs(BCStyle.EmailAddress)).isEmpty();
        assertThat(top.getSubjectAlternativeNames()).isNotEmpty();
    }

    @Test
    void settingsPutOuAndEmailAddressBackAndAnyPolicyInTheIssuingCa() throws Exception {
        CaSettings fast = TestCa.fastSettings(dir);
        CaSettings.Profiles p = fast.profiles();
        CaSettings settings = fast.withProfiles(new CaSettings.Profiles(p.province(), "1.3.6.1.4.1.99999.1.1",
                p.personalValidity(), p.agencyValidity(), p.expiryWarning(), CaSettings.CaPolicy.ANY_POLICY, true, true));
        TestCa t = TestCa.open(h2(), settings, MutableClock.now());
        X509Certificate top = personal(t, "CM", "079000000012");

        X500Name subject = new JcaX509CertificateHolder(top).getSubject();
        assertThat(subject.getRDNs(BCStyle.OU)).hasSize(1);
        RDN[] email = subject.getRDNs(BCStyle.EmailAddress);
        assertThat(email).singleElement().satisfies(rdn ->
                assertThat(rdn.getFirst().getValue()).isInstanceOf(ASN1IA5String.class));
        assertThat(policies(t.ca.issuingCertificate())).containsExactly("2.5.29.32.0");
        assertThat(policies(top)).containsExactly("1.3.6.1.4.1.99999.1.1");
        Path root = Openssl.pem(dir, "root.pem", t.ca.rootCertificate());
        Path issuing = Openssl.pem(dir, "issuing.pem", t.ca.issuingCertificate());
        assertExplicitPolicyOk(root, issuing, Openssl.pem(dir, "top.pem", top), "1.3.6.1.4.1.99999.1.1");
        assertExplicitPolicyOk(root, issuing, Openssl.pem(dir, "tsa.pem", t.ca.tsaCertificate()),
                settings.responders().tsaPolicyOid());
    }

    @Test
    void aPolicyOidWithAnArcOf2To28OrMoreIsRefusedAsASetting() {
        CaSettings.Profiles p = CaSettings.Profiles.defaults();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CaSettings.Profiles(p.province(),
                CaSettings.LEGACY_ARC + ".1.1", p.personalValidity(), p.agencyValidity(), p.expiryWarning()))
                .hasMessageContaining("2^28");
        new CaSettings.Profiles(p.province(), "2.16.704.268435455.1", p.personalValidity(), p.agencyValidity(),
                p.expiryWarning());
    }

    /**
     * What kyso made before: an issuing CA without certificatePolicies and a personal certificate
     * under the 128-bit UUID arc. The linter, OpenSSL's explicit policy and Go each refuse it, so
     * each check above would fail on a regression; without explicit policy it still verifies.
     */
    @Test
    void theChecksCatchTheOldProfilesWhichStillVerifyWithoutExplicitPolicy() throws Exception {
        OldHierarchy old = OldHierarchy.make();
        String legacy = CaSettings.LEGACY_ARC + ".1.1";

        assertThat(CertificateLint.check(old.issuing, old.root, Kind.ISSUING_CA))
                .contains("no certificatePolicies: explicit-policy validation ends with no valid policy");
        assertThat(CertificateLint.check(old.leaf, old.issuing, Kind.END_ENTITY))
                .contains("OID " + legacy + " has an arc of 2^28 or more");
        Path root = Openssl.pem(dir, "old-root.pem", old.root);
        Path issuing = Openssl.pem(dir, "old-issuing.pem", old.issuing);
        Path leaf = Openssl.pem(dir, "old-leaf.pem", old.leaf);
        assertThat(Openssl.run(dir, "openssl", "verify", "-policy", legacy, "-explicit_policy", "-CAfile",
                root.toString(), "-untrusted", issuing.toString(), leaf.toString()).exit()).isNotZero();
        assertThat(Openssl.run(dir, "openssl", "verify", "-CAfile", root.toString(), "-untrusted",
                issuing.toString(), leaf.toString()).output()).contains("old-leaf.pem: OK");
        Openssl.Result go = goParse(List.of(root, issuing, leaf));
        assertThat(go.exit()).isNotZero();
        assertThat(go.output()).contains("FAIL " + leaf);
    }

    /**
     * A data folder of the old version keeps its issuing CA (imported here, as it is recorded
     * there: without policies): its old certificates still verify, and what it issues now carries
     * the new policy OID and parses in Go. Explicit-policy validation needs a re-issued issuing CA
     * certificate (docs/ca-migration.md).
     */
    @Test
    void anOldIssuingCaWithoutPoliciesKeepsIssuingCertificatesThatVerifyAndParse() throws Exception {
        OldHierarchy old = OldHierarchy.make();
        CertificateAuthority ca = CertificateAuthority.builder().dataSource(h2().dataSource())
                .settings(TestCa.fastSettings(dir)).keyStore(CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"),
                        TestCa.PASSPHRASE)).clock(MutableClock.now())
                .importCa(new ImportedCa(old.issuingKey.getPrivate(), List.of(old.issuing, old.root))).open();
        long officer = ca.registerOfficer("admin", new NewOfficer("Trần Thị Bé", "Chuyên viên", "079000000061",
                "ttb@camau.gov.vn", "AG-STP")).id();
        X509Certificate fresh = ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                Csrs.csr(Csrs.ecP256()))).certificate();

        Path root = Openssl.pem(dir, "root.pem", old.root);
        Path issuing = Openssl.pem(dir, "issuing.pem", old.issuing);
        for (X509Certificate cert : List.of(old.leaf, fresh)) {
            Path pem = Openssl.pem(dir, "leaf-" + cert.getSerialNumber() + ".pem", cert);
            assertThat(Openssl.run(dir, "openssl", "verify", "-CAfile", root.toString(), "-untrusted",
                    issuing.toString(), pem.toString()).output()).contains(": OK");
        }
        assertThat(policies(fresh)).containsExactly(TestCa.fastSettings(dir).profiles().policyOid());
        Openssl.Result go = goParse(List.of(root, issuing, Openssl.pem(dir, "fresh.pem", fresh)));
        assertThat(go.exit()).as(go.output()).isZero();
    }

    private Map<String, X509Certificate> endEntities(TestCa t) throws Exception {
        Map<String, X509Certificate> certs = new LinkedHashMap<>();
        certs.put("personal", personal(t, "AG-STP", "079000000001"));
        certs.put("personal-top-unit", personal(t, "CM", "079000000002"));
        long agency = t.agency("0300000001");
        certs.put("agency", t.ca.issueFromCsr("admin", new CsrIssueRequest(agency, "agency",
                Csrs.csr(Csrs.rsa(2048)))).certificate());
        certs.put("ocsp", t.ca.ocspResponderCertificate());
        certs.put("tsa", t.ca.tsaCertificate());
        return certs;
    }

    private static X509Certificate personal(TestCa t, String unit, String cccd) {
        long officer = t.ca.registerOfficer("admin", new NewOfficer("Lê Văn Cường", "Chuyên viên", cccd,
                "lvc" + cccd.substring(8) + "@camau.gov.vn", unit)).id();
        return t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256())))
                .certificate();
    }

    private void assertExplicitPolicyOk(Path root, Path issuing, Path cert, String policy) {
        Openssl.Result r = Openssl.run(dir, "openssl", "verify", "-policy", policy, "-explicit_policy",
                "-policy_print", "-CAfile", root.toString(), "-untrusted", issuing.toString(), cert.toString());
        assertThat(r.exit()).as(cert + " under " + policy + ": " + r.output()).isZero();
        assertThat(r.output()).contains(cert.getFileName() + ": OK");
    }

    private static List<String> policies(X509Certificate cert) throws Exception {
        CertificatePolicies cp = CertificatePolicies.fromExtensions(new JcaX509CertificateHolder(cert).getExtensions());
        List<String> oids = new ArrayList<>();
        for (PolicyInformation pi : cp.getPolicyInformation()) {
            oids.add(pi.getPolicyIdentifier().getId());
        }
        return oids;
    }

    /** Go's crypto/x509 (Debian's golang-go) parses each file and verifies each below the first two. */
    private Openssl.Result goParse(List<Path> pems) throws IOException {
        Path program = Files.createDirectories(dir.resolve("x509parse"));
        try (InputStream in = ProfileLintTest.class.getResourceAsStream("x509parse.go")) {
            Files.write(program.resolve("main.go"), in.readAllBytes());
        }
        Files.writeString(program.resolve("go.mod"), "module kyso/x509parse\n\ngo 1.19\n");
        List<String> command = new ArrayList<>(List.of("env", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local",
                "GOPROXY=off", "GOCACHE=" + Path.of(System.getProperty("java.io.tmpdir"), "kyso-go-cache"),
                "go", "run", "."));
        pems.forEach(p -> command.add(p.toString()));
        return Openssl.run(program, command.toArray(String[]::new));
    }

    private TestDatabase h2() {
        TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
        databases.add(db);
        return db;
    }

    /** A root, an issuing CA as kyso made it before (no certificatePolicies) and a leaf under the UUID arc. */
    private record OldHierarchy(X509Certificate root, KeyPair issuingKey, X509Certificate issuing, X509Certificate leaf) {

        static OldHierarchy make() throws Exception {
            KeyPair rootKey = Csrs.ecP256();
            KeyPair issuingKey = Csrs.ecP256();
            X500Name rootName = new X500Name("C=VN,O=Old kyso,CN=Old Root");
            X500Name issuingName = new X500Name("C=VN,O=Old kyso,CN=Old Issuing CA");
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder r = builder(rootName, rootName, rootKey, 1);
            r.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            r.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            r.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(rootKey.getPublic()));
            X509Certificate root = sign(r, rootKey);
            X509v3CertificateBuilder i = builder(rootName, issuingName, issuingKey, 2);
            i.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            i.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            i.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(issuingKey.getPublic()));
            i.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(rootKey.getPublic()));
            X509Certificate issuing = sign(i, rootKey);
            KeyPair leafKey = Csrs.ecP256();
            X509v3CertificateBuilder l = builder(issuingName, new X500Name("C=VN,O=Old kyso,CN=Nguyễn Văn Cũ"), leafKey, 3);
            l.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            l.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            l.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                    new PolicyInformation(new ASN1ObjectIdentifier(CaSettings.LEGACY_ARC + ".1.1"))));
            l.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(leafKey.getPublic()));
            l.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuingKey.getPublic()));
            return new OldHierarchy(root, issuingKey, issuing, sign(l, issuingKey));
        }

        private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key, long serial) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial), Date.from(now.minusSeconds(3600)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), subject, key.getPublic());
        }

        private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        }
    }
}
