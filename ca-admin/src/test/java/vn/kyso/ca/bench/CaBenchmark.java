package vn.kyso.ca.bench;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.KeyAlgorithm;
import vn.kyso.signing.crypto.NativeCrypto;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.NewOfficer;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

/**
 * Throughput of the CA's hot paths in process, on H2, with the default key types (P-384 CA,
 * RSA-2048 OCSP responder and TSA; the CA's key type is a parameter). Run after {@code mvn -pl ca-admin -am test-compile}:
 * {@code java -cp <ca-admin test classpath> org.openjdk.jmh.Main CaBenchmark -t 4 -f 1}.
 * HTTP numbers (wrk against /ocsp) belong to the service's benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CaBenchmark {

    /** Key type of the root and issuing CA ({@code -p caKey=RSA_2048,EC_P256} to compare with XiPKI's figures). */
    @Param({"EC_P384"})
    public String caKey;

    /** The CA's software keys sign natively (AWS-LC) or with the JDK/Bouncy Castle ({@code -p nativeCrypto=true,false}). */
    @Param({"true"})
    public boolean nativeCrypto;

    private TestDatabase db;
    private Path dir;
    private CertificateAuthority ca;
    private long officer;
    private byte[] csr;
    private byte[] ocspWithNonce;
    private byte[] ocspWithoutNonce;
    private byte[] tsaRequest;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("kyso-ca-bench");
        db = TestDatabase.create(TestDatabase.Kind.H2);
        CaSettings defaults = CaSettings.defaults(dir, "http://127.0.0.1:8080");
        CaSettings.Hierarchy h = defaults.hierarchy();
        KeyAlgorithm key = KeyAlgorithm.valueOf(caKey);
        CaSettings settings = defaults.withHierarchy(new CaSettings.Hierarchy(h.rootName(), key, h.rootValidity(),
                h.issuingName(), key, h.issuingValidity()));
        ca = CertificateAuthority.builder().dataSource(db.dataSource()).settings(settings)
                .nativeCrypto(NativeCrypto.wanted(nativeCrypto))
                .keyStore(CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), TestCa.PASSPHRASE))
                .clock(Clock.systemUTC()).random(new SecureRandom()).open();
        officer = ca.registerOfficer("bench", new NewOfficer("Nguyễn Văn A", "Chuyên viên", "079000000099",
                "nva@camau.gov.vn", "AG-STP")).id();
        csr = Csrs.csr(Csrs.ecP256());
        BigInteger serial = ca.issueFromCsr("bench", new CsrIssueRequest(officer, "personal", csr)).serial();
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(ca.issuingCertificate()), serial);
        ocspWithoutNonce = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        ocspWithNonce = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce)))).build().getEncoded();
        TimeStampRequestGenerator tsq = new TimeStampRequestGenerator();
        tsq.setCertReq(true);
        tsaRequest = tsq.generate(NISTObjectIdentifiers.id_sha256,
                MessageDigest.getInstance("SHA-256").digest(new byte[] {1}), BigInteger.TEN).getEncoded();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        db.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One PKCS#10 issuance: CSR check, certificate signed by the issuing CA ({@link #caKey}), register and audit written. */
    @Benchmark
    public Object issueFromCsr() {
        return ca.issueFromCsr("bench", new CsrIssueRequest(officer, "personal", csr));
    }

    /** OCSP with a nonce: one status lookup and one RSA-2048 signature per request. */
    @Benchmark
    public byte[] ocspWithNonce() {
        return ca.ocsp(ocspWithNonce);
    }

    /** OCSP without nonce: served from the short cache of signed responses. */
    @Benchmark
    public byte[] ocspCachedWithoutNonce() {
        return ca.ocsp(ocspWithoutNonce);
    }

    /** One RFC 3161 timestamp with an RSA-2048 TSA key. */
    @Benchmark
    public byte[] timestamp() {
        return ca.timestamp(tsaRequest);
    }
}
