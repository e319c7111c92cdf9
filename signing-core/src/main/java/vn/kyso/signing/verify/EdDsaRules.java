package vn.kyso.signing.verify;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.SignerInformation;

/**
 * RFC 8419's rules for EdDSA in CMS: the Ed25519 and Ed448 identifiers carry no parameters; with
 * signed attributes, Ed25519 pairs with SHA-512 and Ed448 with SHAKE256 (id-shake256, 512-bit
 * output, no parameters). Any SignerInfo's id-shake256 must omit its parameters too.
 */
final class EdDsaRules {

    private EdDsaRules() {
    }

    static boolean isEdDsa(SignerInformation signer) {
        ASN1ObjectIdentifier alg = new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        return alg.equals(EdECObjectIdentifiers.id_Ed25519) || alg.equals(EdECObjectIdentifiers.id_Ed448);
    }

    /** Why {@code signer} breaks RFC 8419, or null when it keeps to it (or is not EdDSA). */
    static String problem(SignerInformation signer, VerifierDigest digest) {
        AlgorithmIdentifier digestId = signer.getDigestAlgorithmID();
        if (digest == VerifierDigest.SHAKE256 && digestId.getParameters() != null) {
            return "the id-shake256 digest algorithm identifier has parameters (RFC 8419 requires none)";
        }
        if (!isEdDsa(signer)) {
            return null;
        }
        AlgorithmIdentifier signatureId = signer.toASN1Structure().getDigestEncryptionAlgorithm();
        if (signatureId.getParameters() != null) {
            return "the EdDSA signature algorithm identifier has parameters (RFC 8419 requires none)";
        }
        if (signer.getSignedAttributes() == null) {
            return null;
        }
        boolean ed25519 = signatureId.getAlgorithm().equals(EdECObjectIdentifiers.id_Ed25519);
        if (ed25519 && (digest != VerifierDigest.SHA512 || !absentOrNull(digestId.getParameters()))) {
            return "an Ed25519 signature with signed attributes must use SHA-512 (RFC 8419), not " + digest.displayName();
        }
        if (!ed25519 && digest != VerifierDigest.SHAKE256) {
            return "an Ed448 signature with signed attributes must use SHAKE256 (RFC 8419), not " + digest.displayName();
        }
        return null;
    }

    private static boolean absentOrNull(ASN1Encodable parameters) {
        return parameters == null || parameters instanceof ASN1Null;
    }
}
