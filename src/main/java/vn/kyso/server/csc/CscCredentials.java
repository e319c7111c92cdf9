package vn.kyso.server.csc;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.server.csc.CscException.Error;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.SigningCertificates;
import vn.kyso.server.signing.UsableCertificate;

/**
 * The officer's credentials as the CSC API shows them: a credential is a custody certificate the
 * account may sign with now, named by its serial (hex). The answers are the spec's JSON objects,
 * built as maps so that optional members are simply absent.
 */
@Component
class CscCredentials {

    static final String PIN_DESCRIPTION_VI = "Mã PIN của khóa ký số do kyso giữ (sai quá số lần cho phép sẽ khóa khóa)";
    static final String PIN_DESCRIPTION_EN = "The PIN of the signing key kyso holds (too many wrong entries lock the key)";

    private final SigningCertificates certificates;
    private final CertificateAuthority ca;
    private final int multisign;

    CscCredentials(SigningCertificates certificates, CertificateAuthority ca, CscProperties properties) {
        this.certificates = certificates;
        this.ca = ca;
        this.multisign = properties.maxHashes();
    }

    List<String> ids(KysoUser user) {
        return certificates.usableBy(user).stream().map(UsableCertificate::serial).toList();
    }

    /** The credential, if it is one the account may sign with now; else the spec's "invalid credentialID". */
    CertificateRecord usable(KysoUser user, String credentialId) {
        if (credentialId == null || credentialId.isBlank()) {
            throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) string parameter credentialID");
        }
        String id = credentialId.strip().toLowerCase(Locale.ROOT);
        if (!ids(user).contains(id)) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid parameter credentialID");
        }
        return ca.certificate(new BigInteger(id, 16))
                .orElseThrow(() -> new CscException(Error.INVALID_REQUEST, "Invalid parameter credentialID"));
    }

    /** {@code credentials/info}: key, certificate (single or chain) and how the PIN is asked. */
    Map<String, Object> info(CertificateRecord record, String certificatesWanted, boolean certInfo, boolean english) {
        X509Certificate certificate = record.certificate();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("description", english ? "kyso custody key" : "Khóa ký số kyso giữ hộ");
        info.put("signatureQualifier", "eu_eidas_aes");
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("status", ca.isKeyLocked(record.serial()) ? "disabled" : "enabled");
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            key.put("algo", List.of(HashSigner.RSA, "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12",
                    "1.2.840.113549.1.1.13", HashSigner.RSA_PSS));
            key.put("len", rsa.getModulus().bitLength());
        } else if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            key.put("algo", List.of(HashSigner.EC, "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3",
                    "1.2.840.10045.4.3.4"));
            key.put("len", ec.getParams().getOrder().bitLength());
            key.put("curve", curve(certificate));
        }
        info.put("key", key);
        Map<String, Object> cert = new LinkedHashMap<>();
        cert.put("status", switch (record.status()) {
            case ACTIVE -> "valid";
            case SUSPENDED -> "suspended";
            case REVOKED -> "revoked";
            default -> "valid";
        });
        String wanted = certificatesWanted == null ? "single" : certificatesWanted;
        if (!List.of("none", "single", "chain").contains(wanted)) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid parameter certificates");
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        if (wanted.equals("chain")) {
            chain.addAll(ca.caChain());
        }
        if (!wanted.equals("none")) {
            cert.put("certificates", chain.stream().map(CscCredentials::base64).toList());
        }
        if (certInfo) {
            cert.put("issuerDN", certificate.getIssuerX500Principal().getName());
            cert.put("serialNumber", certificate.getSerialNumber().toString(16));
            cert.put("subjectDN", certificate.getSubjectX500Principal().getName());
            cert.put("validFrom", GENERALIZED.format(certificate.getNotBefore().toInstant()));
            cert.put("validTo", GENERALIZED.format(certificate.getNotAfter().toInstant()));
        }
        info.put("cert", cert);
        String description = english ? PIN_DESCRIPTION_EN : PIN_DESCRIPTION_VI;
        info.put("authMode", "explicit");
        // CSC 1.0.4's PIN object (still read by many clients) and 2.0's auth object, both true
        info.put("PIN", Map.of("presence", "true", "format", "N", "label", "PIN", "description", description));
        info.put("auth", Map.of("mode", "explicit", "expression", "PIN", "objects",
                List.of(Map.of("type", "Password", "id", "PIN", "format", "N", "label", "PIN",
                        "description", description))));
        info.put("SCAL", "SCAL2");
        // how many hashes one credentials/authorize may name (CSC 2.0: numSignatures never exceeds it)
        info.put("multisign", multisign);
        info.put("lang", english ? "en-US" : "vi-VN");
        return info;
    }

    private static final java.time.format.DateTimeFormatter GENERALIZED = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMddHHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    private static String curve(X509Certificate certificate) {
        var parameters = X962Parameters.getInstance(SubjectPublicKeyInfo.getInstance(
                certificate.getPublicKey().getEncoded()).getAlgorithm().getParameters());
        return parameters.isNamedCurve() ? ASN1ObjectIdentifier.getInstance(parameters.getParameters()).getId() : null;
    }

    static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CscException(Error.SERVER_ERROR, "a certificate could not be encoded");
        }
    }
}
