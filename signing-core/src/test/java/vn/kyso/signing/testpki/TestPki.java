package vn.kyso.signing.testpki;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI generated in code for tests: root CA, issuing CA, signers, a TSA and a
 * delegated OCSP responder. Nothing here is ever written to the repository.
 *
 * <p>Certificates point their AIA (OCSP, caIssuers) and CRL distribution points at
 * {@code baseUrl} when one is given, so a loopback server started by the test can answer.
 */
public final class TestPki {

    /** Key types a test can ask for. */
    public enum KeyType {
        RSA_2048, RSA_3072, EC_P256, EC_P384;

        public boolean isRsa() {
            return this == RSA_2048 || this == RSA_3072;
        }
    }

    /** A certificate with its private key and the chain above it (issuer first, root last). */
    public record Credential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> issuers) {

        /** The full chain, signer first, root last. */
        public List<X509Certificate> chain() {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuers);
            return chain;
        }

        /** Writes a PKCS#12 file holding the key and the chain. */
        public Path writePkcs12(Path file, char[] password) {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("signer", privateKey, password, chain().toArray(new X509Certificate[0]));
                try (OutputStream out = Files.newOutputStream(file)) {
                    ks.store(out, password);
                }
                return file;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Instant now;
    private final String baseUrl;
    private final KeyType caKeyType;
    private final Credential root;
    private final Credential issuingCa;

    private TestPki(Instant now, String baseUrl, KeyType caKeyType, String name) {
        this.now = now;
        this.baseUrl = baseUrl;
        this.caKeyType = caKeyType;
        KeyPair rootKeys = generateKeyPair(caKeyType);
        X500Name rootName = new X500Name("C=VN,O=kyso test,CN=" + name + " Root CA");
        X509Certificate rootCert = build(rootName, rootKeys.getPublic(), rootName, rootKeys.getPrivate(),
                rootKeys.getPublic(), now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)),
                Profile.CA, null);
        this.root = new Credential(rootKeys.getPrivate(), rootCert, List.of());

        KeyPair caKeys = generateKeyPair(caKeyType);
        X500Name caName = new X500Name("C=VN,O=kyso test,CN=" + name + " Issuing CA");
        X509Certificate caCert = build(caName, caKeys.getPublic(), rootName, rootKeys.getPrivate(),
                rootKeys.getPublic(), now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(3000)),
                Profile.CA, null);
        this.issuingCa = new Credential(caKeys.getPrivate(), caCert, List.of(rootCert));
    }

    /** A PKI with an RSA-2048 hierarchy and no AIA/CDP URLs. */
    public static TestPki create() {
        return new TestPki(Instant.now(), null, KeyType.RSA_2048, "Test");
    }

    /** A PKI valid around {@code now} whose certificates point at {@code baseUrl} (may be null). */
    public static TestPki create(Instant now, String baseUrl, KeyType caKeyType, String name) {
        return new TestPki(now, baseUrl, caKeyType, name);
    }

    public Credential root() {
        return root;
    }

    public Credential issuingCa() {
        return issuingCa;
    }

    public Instant now() {
        return now;
    }

    /** A personal signing certificate (digitalSignature + nonRepudiation, documentSigning EKU). */
    public Credential signer(String commonName, KeyType keyType) {
        return signer(commonName, keyType, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3 * 365)));
    }

    /** A signing certificate valid from {@code notBefore} to {@code notAfter} (for expiry tests). */
    public Credential signer(String commonName, KeyType keyType, Instant notBefore, Instant notAfter) {
        return issue("C=VN,ST=Cà Mau,O=Ủy ban nhân dân tỉnh Cà Mau,CN=" + commonName, keyType, notBefore, notAfter,
                Profile.SIGNER);
    }

    /**
     * A personal signing certificate for a public key generated elsewhere (a PKCS#11 token); the
     * returned credential has no private key.
     */
    public Credential signerFor(String commonName, PublicKey publicKey) {
        X509Certificate cert = build(new X500Name("C=VN,O=kyso test,CN=" + commonName), publicKey,
                X500Name.getInstance(issuingCa.certificate().getSubjectX500Principal().getEncoded()),
                issuingCa.privateKey(), issuingCa.certificate().getPublicKey(), now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(3 * 365)), Profile.SIGNER, baseUrl);
        return new Credential(null, cert, List.of(issuingCa.certificate(), root.certificate()));
    }

    /** The base URL the certificates' AIA and CDP point under, or null. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A timestamping certificate (id-kp-timeStamping, critical). */
    public Credential tsa() {
        return issue("C=VN,O=kyso test,CN=Test TSA", KeyType.RSA_2048, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(2000)), Profile.TSA);
    }

    /** A delegated OCSP responder certificate (id-kp-OCSPSigning, id-pkix-ocsp-nocheck). */
    public Credential ocspResponder() {
        return issue("C=VN,O=kyso test,CN=Test OCSP Responder", KeyType.RSA_2048, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(60)), Profile.OCSP);
    }

    private Credential issue(String subject, KeyType keyType, Instant notBefore, Instant notAfter, Profile profile) {
        KeyPair keys = generateKeyPair(keyType);
        X509Certificate cert = build(new X500Name(subject), keys.getPublic(),
                X500Name.getInstance(issuingCa.certificate().getSubjectX500Principal().getEncoded()),
                issuingCa.privateKey(), issuingCa.certificate().getPublicKey(), notBefore, notAfter, profile,
                baseUrl);
        return new Credential(keys.getPrivate(), cert, List.of(issuingCa.certificate(), root.certificate()));
    }

    private enum Profile { CA, SIGNER, TSA, OCSP }

    private X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey,
            PublicKey issuerPublicKey, Instant notBefore, Instant notAfter, Profile profile, String urls) {
        try {
            BigInteger serial = new BigInteger(64, RANDOM).setBit(63);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerPublicKey));
            switch (profile) {
                case CA -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case SIGNER -> {
                    b.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                            KeyPurposeId.getInstance(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36")),
                            KeyPurposeId.id_kp_emailProtection }));
                }
                case TSA -> {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                case OCSP -> {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                }
            }
            if (urls != null && profile != Profile.CA && profile != Profile.OCSP) {
                b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                        new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, urls + "/ocsp")),
                        new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers,
                                new GeneralName(GeneralName.uniformResourceIdentifier, urls + "/ca/issuing.crt")) }));
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, urls + "/crl/issuing.crl"))),
                                null, null) }));
            }
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("test PKI: cannot build certificate " + subject, e);
        }
    }

    /** A JCA signature algorithm name suitable for this key (SHA-256 with RSA or ECDSA). */
    public static String signatureAlgorithm(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm()) ? "SHA256withECDSA"
                : "SHA256withRSA";
    }

    public static KeyPair generateKeyPair(KeyType type) {
        try {
            KeyPairGenerator g;
            switch (type) {
                case RSA_2048, RSA_3072 -> {
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(type == KeyType.RSA_2048 ? 2048 : 3072, RANDOM);
                }
                default -> {
                    g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec(type == KeyType.EC_P256 ? "secp256r1" : "secp384r1"), RANDOM);
                }
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CA key type this PKI was built with. */
    public KeyType caKeyType() {
        return caKeyType;
    }
}
