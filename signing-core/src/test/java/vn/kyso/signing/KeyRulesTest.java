package vn.kyso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.key.ExternalSigningKey;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.key.Pkcs12SigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;

/** Key stores, key sizes and certificate validity. */
class KeyRulesTest {

    @TempDir
    static Path dir;

    static TestPki pki;
    static Path input;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
        input = TestPdfs.onePage(dir.resolve("in.pdf"));
    }

    @Test
    void pkcs12FileOpensAndSigns() {
        TestPki.Credential c = pki.signer("Người dùng P12", TestPki.KeyType.RSA_2048);
        Path p12 = c.writePkcs12(dir.resolve("ok.p12"), "mat-khau-dung".toCharArray());

        SigningKey key = Pkcs12SigningKey.open(p12, "mat-khau-dung".toCharArray());
        SignResult r = PdfSigner.builder().build().sign(SignRequest.builder(key, PadesLevel.B_B).build(), input,
                dir.resolve("p12.pdf"));

        assertThat(key.certificateChain()).hasSize(3);
        assertThat(r.signingCertificate()).isEqualTo(c.certificate());
    }

    @Test
    void wrongPkcs12PasswordIsKeyUnavailableWithoutThePassword() {
        TestPki.Credential c = pki.signer("Người dùng P12", TestPki.KeyType.EC_P256);
        Path p12 = c.writePkcs12(dir.resolve("wrong.p12"), "right-password".toCharArray());

        assertThatThrownBy(() -> Pkcs12SigningKey.open(p12, "Sai-MatKhau-123".toCharArray()))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("Sai-MatKhau-123").doesNotContain("right-password");
                    assertThat(String.valueOf(e.getCause())).doesNotContain("Sai-MatKhau-123");
                });
    }

    @Test
    void expiredCertificateIsRefusedAtTheClockTime() {
        TestPki.Credential c = pki.signer("Hết hạn", TestPki.KeyType.EC_P256, pki.now().minus(Duration.ofDays(400)),
                pki.now().minus(Duration.ofDays(1)));

        assertRefused(PdfSigner.builder().build(), InMemorySigningKey.of(c.privateKey(), c.chain()),
                ErrorCode.CERTIFICATE_NOT_USABLE);
    }

    @Test
    void notYetValidCertificateIsRefusedByAnInjectedClock() {
        TestPki.Credential c = pki.signer("Chưa hiệu lực", TestPki.KeyType.EC_P256);
        Clock past = Clock.fixed(c.certificate().getNotBefore().toInstant().minus(Duration.ofDays(1)), ZoneOffset.UTC);

        assertRefused(PdfSigner.builder().clock(past).build(), InMemorySigningKey.of(c.privateKey(), c.chain()),
                ErrorCode.CERTIFICATE_NOT_USABLE);
    }

    @Test
    void certificateWithoutSigningKeyUsageIsRefused() {
        TestPki.Credential ca = pki.issuingCa(); // keyCertSign and cRLSign only

        assertRefused(PdfSigner.builder().build(), InMemorySigningKey.of(ca.privateKey(), ca.chain()),
                ErrorCode.CERTIFICATE_NOT_USABLE);
    }

    @Test
    void rsaUnder2048BitsIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        KeyPair weak = g.generateKeyPair();
        TestPki.Credential c = pki.signerFor("Khóa yếu", weak.getPublic());

        assertRefused(PdfSigner.builder().build(), InMemorySigningKey.of(weak.getPrivate(), c.chain()),
                ErrorCode.UNSUPPORTED_KEY);
    }

    @Test
    void pssOnAnEcKeyIsRefused() {
        TestPki.Credential c = pki.signer("EC", TestPki.KeyType.EC_P256);

        assertRefused(PdfSigner.builder().build(),
                new ExternalSigningKey(c.chain(), SignatureScheme.RSA_PSS, (d, a, s) -> new byte[0]),
                ErrorCode.UNSUPPORTED_KEY);
    }

    @Test
    void externalSignerCallbackSigns() {
        TestPki.Credential c = pki.signer("Ký ngoài", TestPki.KeyType.EC_P384);
        SigningKey inMemory = InMemorySigningKey.of(c.privateKey(), c.chain());
        SigningKey external = new ExternalSigningKey(List.copyOf(c.chain()), null,
                (data, digest, scheme) -> inMemory.sign(data, digest));

        SignResult r = PdfSigner.builder().build().sign(
                SignRequest.builder(external, PadesLevel.B_B).digest(DigestAlgorithm.SHA384).build(), input,
                dir.resolve("external.pdf"));

        assertThat(r.claimedSigningTime()).isBefore(Instant.now().plusSeconds(1));
    }

    private static void assertRefused(PdfSigner signer, SigningKey key, ErrorCode code) {
        assertThatThrownBy(() -> signer.sign(SignRequest.builder(key, PadesLevel.B_B).build(), input,
                dir.resolve("never.pdf")))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(dir.resolve("never.pdf")).doesNotExist();
    }
}
