package vn.kyso.signing.verify;

import java.io.ByteArrayOutputStream;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.testpki.TestPki;

/**
 * EU DSS (eu.europa.ec.joinup.sd-dss, test scope) as an independent PAdES signer and validator:
 * documents it signs are the interop corpus, and its verdict is the one kyso's must match.
 */
final class DssInterop {

    private DssInterop() {
    }

    /** Signs {@code pdf} with DSS at B-B ({@code tsa} null) or B-T. */
    static byte[] sign(byte[] pdf, TestPki.Credential signer, Instant signingTime, TestTsa tsa) {
        try {
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(tsa == null ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(new CertificateToken(signer.certificate()));
            List<CertificateToken> chain = new ArrayList<>();
            signer.issuers().forEach(c -> chain.add(new CertificateToken(c)));
            parameters.setCertificateChain(chain);
            parameters.bLevel().setSigningDate(Date.from(signingTime));
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            if (tsa != null) {
                service.setTspSource((TSPSource) (algorithm, digest) -> new TimestampBinary(
                        tsa.stampDigest(new org.bouncycastle.asn1.ASN1ObjectIdentifier(algorithm.getOid()), digest)));
            }
            DSSDocument document = new InMemoryDocument(pdf);
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            boolean rsa = signer.privateKey().getAlgorithm().equals("RSA");
            Signature jca = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
            jca.initSign(signer.privateKey());
            jca.update(toBeSigned.getBytes());
            SignatureValue value = new SignatureValue(rsa ? SignatureAlgorithm.RSA_SHA256 : SignatureAlgorithm.ECDSA_SHA256,
                    jca.sign());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            service.signDocument(document, parameters, value).writeTo(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("DSS could not sign", e);
        }
    }

    /** DSS's indication for the first signature, trusting {@code root} and asking {@code revocation} for OCSP. */
    static Indication validate(byte[] pdf, X509Certificate root, RevocationSource revocation) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource((OCSPSource) (certificate, issuer) -> ocsp(revocation, certificate, issuer));
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        String id = reports.getSimpleReport().getFirstSignatureId();
        if (id == null) {
            throw new IllegalStateException("DSS found no signature: " + validator.getClass().getSimpleName() + " "
                    + reports.getXmlSimpleReport());
        }
        return reports.getSimpleReport().getIndication(id);
    }

    private static OCSPToken ocsp(RevocationSource revocation, CertificateToken certificate, CertificateToken issuer) {
        return revocation.ocsp(certificate.getCertificate(), issuer.getCertificate()).map(der -> {
            try {
                BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
                SingleResp single = basic.getResponses()[0];
                OCSPToken token = new OCSPToken(basic, single, certificate, issuer);
                token.setSourceURL("http://kyso.test/ocsp");
                return token;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).orElse(null);
    }
}
