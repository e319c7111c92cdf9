package vn.kyso.ca.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Period;

import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.KeyAlgorithm;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;
import vn.kyso.signing.crypto.NativeCrypto;

/**
 * The CA's own signatures (certificates, CRLs, OCSP responses, timestamps) made natively with
 * RSA-2048 keys, and with native crypto off, are accepted by Bouncy Castle and openssl alike.
 */
class NativeSigningTest {

    private static final Provider BC = new BouncyCastleProvider();

    @TempDir
    Path dir;

    /** RSA-2048 for every CA key: the key type whose private operation native crypto speeds up most. */
    private CaSettings rsaEverywhere() {
        CaSettings fast = TestCa.fastSettings(dir);
        CaSettings.Responders r = fast.responders();
        return fast
                .withHierarchy(new CaSettings.Hierarchy(fast.hierarchy().rootName(), KeyAlgorithm.RSA_2048,
                        Period.ofYears(20), fast.hierarchy().issuingName(), KeyAlgorithm.RSA_2048, Period.ofYears(10)))
                .withResponders(new CaSettings.Responders(r.ocspName(), KeyAlgorithm.RSA_2048, r.ocspValidity(),
                        r.ocspRenewBefore(), r.ocspResponseValidity(), r.ocspCacheTtl(), r.tsaName(),
                        KeyAlgorithm.RSA_2048, r.tsaValidity(), r.tsaPolicyOid(), r.tsaAccuracy(), r.crlNextUpdate(),
                        r.rootCrlNextUpdate()));
    }

    @DatabaseTest
    void nativeSignaturesOfTheCaVerifyWithBouncyCastleAndOpenssl(TestDatabase db) throws Exception {
        assertThat(NativeCrypto.system().active()).as(NativeCrypto.system().describe()).isTrue();
        everySignatureVerifies(TestCa.open(db, rsaEverywhere(), MutableClock.now(), NativeCrypto.system()));
    }

    @DatabaseTest
    void withNativeCryptoOffTheCaSignsWithTheJdkAndPeersStillAgree(TestDatabase db) throws Exception {
        everySignatureVerifies(TestCa.open(db, rsaEverywhere(), MutableClock.now(), NativeCrypto.off()));
    }

    @DatabaseTest
    void theCaKeysFromThePkcs12StoreAreConvertedOnceIntoNativeKeys(TestDatabase db) {
        TestCa t = TestCa.open(db, rsaEverywhere(), MutableClock.now(), NativeCrypto.system());
        CaKeyStore store = CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), TestCa.PASSPHRASE);

        SigningCredential issuing = SigningCredential.prepared(store.privateKey(Hierarchy.ISSUING),
                t.ca.issuingCertificate(), store.provider(), NativeCrypto.system());
        SigningCredential fallback = SigningCredential.prepared(store.privateKey(Hierarchy.ISSUING),
                t.ca.issuingCertificate(), store.provider(), NativeCrypto.off());

        assertThat(issuing.provider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(issuing.key().getClass().getName()).startsWith("com.amazon.corretto");
        assertThat(fallback.provider()).isNull();
        assertThat(fallback.key().getClass().getName()).startsWith("sun.security");
    }

    private void everySignatureVerifies(TestCa t) throws Exception {
        X509Certificate issuingCa = t.ca.issuingCertificate();
        long officer = t.officer("079000000031");
        X509Certificate cert = t.ca.issueFromCsr("admin",
                new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256()))).certificate();
        t.ca.suspend("admin", cert.getSerialNumber());

        // Bouncy Castle: the certificate, the CRL and an OCSP response with nonce
        assertThat(new X509CertificateHolder(cert.getEncoded()).isSignatureValid(verifier(issuingCa))).isTrue();
        X509CRLHolder crl = new X509CRLHolder(t.ca.publishCrl("admin").der());
        assertThat(crl.isSignatureValid(verifier(issuingCa))).isTrue();
        assertThat(crl.getRevokedCertificate(cert.getSerialNumber())).isNotNull();

        Path issuing = Openssl.pem(dir, "issuing.pem", issuingCa);
        Path root = Openssl.pem(dir, "root.pem", t.ca.rootCertificate());
        Path leaf = Openssl.pem(dir, "leaf.pem", cert);
        Path chain = Openssl.pem(dir, "chain.pem", issuingCa, t.ca.rootCertificate());
        Path req = dir.resolve("req.der");
        assertThat(Openssl.run(dir, "openssl", "ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(),
                "-nonce", "-reqout", req.toString()).exit()).isZero();
        byte[] response = t.ca.ocsp(Files.readAllBytes(req));
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response).getResponseObject();
        assertThat(basic.isSignatureValid(verifier(t.ca.ocspResponderCertificate()))).isTrue();

        // openssl: the chain, the CRL, the OCSP response and a timestamp
        assertThat(Openssl.run(dir, "openssl", "verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
                leaf.toString()).output()).contains("leaf.pem: OK");
        Path crlFile = Openssl.write(dir, "issuing.crl", crl.getEncoded());
        assertThat(Openssl.run(dir, "openssl", "crl", "-inform", "DER", "-in", crlFile.toString(), "-CAfile",
                issuing.toString(), "-noout").output()).contains("verify OK");
        Path resp = Openssl.write(dir, "resp.der", response);
        assertThat(Openssl.run(dir, "openssl", "ocsp", "-reqin", req.toString(), "-respin", resp.toString(),
                "-CAfile", root.toString(), "-verify_other", chain.toString(), "-resp_text").output())
                .contains("Response verify OK", "Cert Status: revoked", "certificateHold", "OCSP Nonce");
        Path data = Files.writeString(dir.resolve("data.txt"), "Quyết định số 7/QĐ-UBND", StandardCharsets.UTF_8);
        Path query = dir.resolve("q.tsq");
        assertThat(Openssl.run(dir, "openssl", "ts", "-query", "-data", data.toString(), "-sha256", "-cert", "-out",
                query.toString()).exit()).isZero();
        Path reply = Openssl.write(dir, "r.tsr", t.ca.timestamp(Files.readAllBytes(query)));
        assertThat(Openssl.run(dir, "openssl", "ts", "-verify", "-queryfile", query.toString(), "-in",
                reply.toString(), "-CAfile", chain.toString()).output()).contains("Verification: OK");
    }

    private static org.bouncycastle.operator.ContentVerifierProvider verifier(X509Certificate signer) throws Exception {
        return new JcaContentVerifierProviderBuilder().setProvider(BC).build(signer);
    }
}
