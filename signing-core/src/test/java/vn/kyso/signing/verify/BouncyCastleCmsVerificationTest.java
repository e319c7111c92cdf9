package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.BERSet;
import org.bouncycastle.asn1.BERTaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.testpki.TestPki;

/**
 * CMS that OpenSSL 3.0 cannot write, built with Bouncy Castle: BER from a streaming generator,
 * EdDSA (RFC 8419) and crafted encodings of the signed attributes.
 */
class BouncyCastleCmsVerificationTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final String DETACHED = "adbe.pkcs7.detached";

    private static SignatureReport verify(byte[] pdf) {
        return verifier(revocation()).verify(pdf).signatures().get(0);
    }

    private static SignatureReport signedAndVerified(java.util.function.UnaryOperator<byte[]> cms) {
        return verify(ForeignCms.place(ONE_PAGE, DETACHED, SIGNED_AT, cms));
    }

    private static TestPki.Credential edSigner(String algorithm) {
        try {
            KeyPair keys = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
            TestPki.Credential c = PKI.signerFor(algorithm + " signer", keys.getPublic());
            return new TestPki.Credential(keys.getPrivate(), c.certificate(), c.issuers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final TestPki.Credential ED25519 = edSigner("Ed25519");
    private static final TestPki.Credential ED448 = edSigner("Ed448");

    /** A detached CMS by {@code signer} with {@code algorithm}, optionally with a chosen digest. */
    private static byte[] cms(byte[] content, TestPki.Credential signer, String algorithm, AlgorithmIdentifier digest,
            boolean direct) {
        try {
            JcaSignerInfoGeneratorBuilder info = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build());
            info.setDirectSignature(direct);
            if (digest != null) {
                info.setContentDigest(digest);
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(info.build(
                    new JcaContentSignerBuilder(algorithm).setProvider(BC).build(signer.privateKey()), signer.certificate()));
            generator.addCertificates(new JcaCertStore(signer.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void berDetachedCmsFromAStreamingGeneratorIsValid() {
        byte[][] ber = new byte[1][];
        SignatureReport s = signedAndVerified(content -> {
            try {
                CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()).build(
                        new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(SIGNER.privateKey()),
                        SIGNER.certificate()));
                generator.addCertificates(new JcaCertStore(SIGNER.chain()));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                try (java.io.OutputStream sink = generator.open(out, false)) {
                    sink.write(content);
                }
                return ber[0] = out.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(ber[0][1]).as("indefinite length").isEqualTo((byte) 0x80);
        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void ed25519WithSha512IsValid() {
        SignatureReport s = signedAndVerified(c -> cms(c, ED25519, "Ed25519", null, false));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void ed448WithShake256IsValid() {
        SignatureReport s = signedAndVerified(
                c -> cms(c, ED448, "Ed448", new AlgorithmIdentifier(NISTObjectIdentifiers.id_shake256), false));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void pureEd25519WithoutSignedAttributesIsValid() {
        SignatureReport s = signedAndVerified(c -> cms(c, ED25519, "Ed25519", null, true));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void ed448WithSha512BreaksRfc8419() {
        SignatureReport s = signedAndVerified(
                c -> cms(c, ED448, "Ed448", new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha512), false));

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains("SHAKE256"));
    }

    @Test
    void shake256WithParametersBreaksRfc8419() {
        SignatureReport s = signedAndVerified(c -> cms(c, ED448, "Ed448",
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_shake256, DERNull.INSTANCE), false));

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains("id-shake256"));
    }

    @Test
    void ed25519IdentifierWithParametersBreaksRfc8419() {
        SignatureReport s = signedAndVerified(c -> rebuild(cms(c, ED25519, "Ed25519", null, false), (info, attrs) ->
                signerInfo(info, attrs, new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519, DERNull.INSTANCE),
                        info.getEncryptedDigest().getOctets())));

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
    }

    @Test
    void signedAttributesSentAsBerStillVerifyOverTheirDer() {
        // unsorted and of indefinite length on the wire; the signature was made over the DER form
        SignatureReport s = signedAndVerified(c -> rebuild(TestSigner.cms(c, options()),
                (info, attrs) -> signerInfo(info, attrs, info.getDigestEncryptionAlgorithm(),
                        info.getEncryptedDigest().getOctets())));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void signatureOverANonDerEncodingOfTheSignedAttributesIsSigCryptoFailure() {
        // the attacker's encoding is what was signed; RFC 5652 §5.4 says the DER encoding counts
        SignatureReport s = signedAndVerified(c -> rebuild(TestSigner.cms(c, options()), (info, attrs) -> {
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(SIGNER.privateKey());
                rsa.update(new BERSet(attrs).getEncoded(ASN1Encoding.BER));
                return signerInfo(info, attrs, info.getDigestEncryptionAlgorithm(), rsa.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.SIG_CRYPTO_FAILURE);
    }

    /** Rebuilds {@code der} as BER around a new SignerInfo; the signed attributes are given reversed (unsorted). */
    private static byte[] rebuild(byte[] der, java.util.function.BiFunction<SignerInfo, ASN1EncodableVector, ASN1Encodable> newInfo) {
        try {
            CMSSignedData cms = new CMSSignedData(der);
            SignedData sd = SignedData.getInstance(cms.toASN1Structure().getContent());
            SignerInfo info = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
            List<ASN1Encodable> attrs = new ArrayList<>();
            info.getAuthenticatedAttributes().forEach(attrs::add);
            ASN1EncodableVector reversed = new ASN1EncodableVector();
            for (int i = attrs.size() - 1; i >= 0; i--) {
                reversed.add(attrs.get(i));
            }
            ASN1EncodableVector body = new ASN1EncodableVector();
            body.add(sd.getVersion());
            body.add(sd.getDigestAlgorithms());
            body.add(sd.getEncapContentInfo());
            body.add(new BERTaggedObject(false, 0, sd.getCertificates()));
            body.add(new BERSet(newInfo.apply(info, reversed)));
            return new BERSequence(new ASN1Encodable[] { CMSObjectIdentifiers.signedData,
                    new BERTaggedObject(true, 0, new BERSequence(body)) }).getEncoded(ASN1Encoding.BER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ASN1Encodable signerInfo(SignerInfo info, ASN1EncodableVector signedAttributes,
            AlgorithmIdentifier signatureAlgorithm, byte[] signature) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(info.getVersion());
        v.add(info.getSID());
        v.add(info.getDigestAlgorithm());
        v.add(new BERTaggedObject(false, 0, new BERSet(signedAttributes)));
        v.add(signatureAlgorithm);
        v.add(new DEROctetString(signature));
        if (info.getUnauthenticatedAttributes() != null) {
            v.add(new BERTaggedObject(false, 1, info.getUnauthenticatedAttributes()));
        }
        return new BERSequence(v);
    }

}
