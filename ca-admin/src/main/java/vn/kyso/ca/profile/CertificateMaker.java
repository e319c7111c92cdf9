package vn.kyso.ca.profile;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.hierarchy.SigningCredential;

/**
 * Builds and signs every certificate the CA makes, each with the extensions of its profile
 * (RFC 5280; end-entity profiles per signing-rules-vn.md).
 */
public final class CertificateMaker {

    /** id-kp-documentSigning (RFC 9336). */
    public static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(
            new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));

    private final CaSettings settings;
    private final SerialNumbers serials;
    private final Clock clock;
    /** JcaX509ExtensionUtils holds one SHA-1 MessageDigest, which is not thread-safe: one per thread. */
    private final ThreadLocal<JcaX509ExtensionUtils> extensionUtils = ThreadLocal.withInitial(() -> {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    public CertificateMaker(CaSettings settings, SerialNumbers serials, Clock clock) {
        this.settings = settings;
        this.serials = serials;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public static Instant plus(Instant from, Period period) {
        return from.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    /** A self-signed root CA certificate. */
    public X509Certificate root(X500Name name, PublicKey publicKey, ContentSigner signer, Period validity) {
        Instant from = now();
        try {
            X509v3CertificateBuilder b = builder(name, name, publicKey, from, plus(from, validity));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.get().createSubjectKeyIdentifier(publicKey));
            return sign(b, signer);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The issuing CA, signed by the root; it may issue end-entity certificates only (pathLen 0). */
    public X509Certificate issuingCa(X500Name name, PublicKey publicKey, SigningCredential root, Period validity) {
        Instant from = now();
        try {
            X509v3CertificateBuilder b = issuedBy(root, name, publicKey, from, plus(from, validity));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.certificatePolicies, false, caPolicies());
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(uri(settings.rootCrlUrl()))),
                            null, null)}));
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers, uri(settings.rootCaUrl()))));
            return sign(b, root.contentSigner());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The delegated OCSP responder: id-kp-OCSPSigning, and id-pkix-ocsp-nocheck so clients need not check it. */
    public X509Certificate ocspResponder(X500Name name, PublicKey publicKey, SigningCredential issuing,
                                         Instant notAfter) {
        Instant from = now();
        try {
            X509v3CertificateBuilder b = issuedBy(issuing, name, publicKey, from, cap(notAfter, issuing));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            b.addExtension(Extension.certificatePolicies, false, policies(settings.profiles().policyOid()));
            b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            return sign(b, issuing.contentSigner());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The TSA certificate: id-kp-timeStamping only, critical, as RFC 3161 requires. */
    public X509Certificate tsa(X500Name name, PublicKey publicKey, SigningCredential issuing, Period validity) {
        Instant from = now();
        try {
            X509v3CertificateBuilder b = issuedBy(issuing, name, publicKey, from, cap(plus(from, validity), issuing));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            b.addExtension(Extension.certificatePolicies, false,
                    policies(settings.profiles().policyOid(), settings.responders().tsaPolicyOid()));
            revocationPointers(b);
            return sign(b, issuing.contentSigner());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * A personal or agency certificate: keyUsage digitalSignature + nonRepudiation (critical),
     * EKU documentSigning + emailProtection, the province's policy, CDP and AIA to kyso.
     *
     * @param email may be null; when given it also goes into subjectAltName
     */
    public X509Certificate endEntity(X500Name subject, PublicKey publicKey, String email, SigningCredential issuing,
                                     Period validity) {
        Instant from = now();
        try {
            X509v3CertificateBuilder b = issuedBy(issuing, subject, publicKey, from, cap(plus(from, validity), issuing));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {DOCUMENT_SIGNING, KeyPurposeId.id_kp_emailProtection}));
            b.addExtension(Extension.certificatePolicies, false, policies(settings.profiles().policyOid()));
            if (email != null) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
            }
            revocationPointers(b);
            return sign(b, issuing.contentSigner());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * What the issuing CA may issue under: without a certificatePolicies extension in a CA
     * certificate, RFC 5280 policy processing ends with no valid policy, so explicit-policy
     * validation (openssl verify -explicit_policy, or any validator requiring the province's
     * policy) fails for every certificate below it.
     */
    private CertificatePolicies caPolicies() {
        if (settings.profiles().caPolicy() == CaSettings.CaPolicy.ANY_POLICY) {
            return policies(Extension.certificatePolicies.branch("0").getId());
        }
        return policies(settings.profiles().policyOid(), settings.responders().tsaPolicyOid());
    }

    private static CertificatePolicies policies(String... oids) {
        PolicyInformation[] info = java.util.Arrays.stream(oids).distinct()
                .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid))).toArray(PolicyInformation[]::new);
        return new CertificatePolicies(info);
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey publicKey, Instant from,
                                             Instant to) {
        BigInteger serial = serials.next();
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject, publicKey);
    }

    private X509v3CertificateBuilder issuedBy(SigningCredential issuer, X500Name subject, PublicKey publicKey,
                                              Instant from, Instant to) throws IOException {
        try {
            X509v3CertificateBuilder b = builder(X500Name.getInstance(
                    issuer.certificate().getSubjectX500Principal().getEncoded()), subject, publicKey, from, to);
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    extensionUtils.get().createAuthorityKeyIdentifier(issuer.certificate().getPublicKey()));
            b.addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.get().createSubjectKeyIdentifier(publicKey));
            return b;
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
    }

    private void revocationPointers(X509v3CertificateBuilder b) throws IOException {
        b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(settings.crlUrl()))), null, null)}));
        b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp, uri(settings.ocspUrl())),
                new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers, uri(settings.issuingCaUrl()))}));
    }

    /** No certificate outlives the CA that signed it. */
    private static Instant cap(Instant notAfter, SigningCredential issuer) {
        Instant issuerEnd = issuer.certificate().getNotAfter().toInstant();
        return notAfter.isAfter(issuerEnd) ? issuerEnd : notAfter;
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, ContentSigner signer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (GeneralSecurityException e) {
            throw failed(e);
        }
    }

    private static CaException failed(Exception e) {
        return new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot build the certificate", e);
    }
}
