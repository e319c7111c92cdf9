package vn.kyso.signing.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;

import vn.kyso.signing.Modifications;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.SignatureId;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;

/**
 * Checks one signature in ETSI EN 319 102-1 order: format and integrity, the signature
 * timestamp (it fixes the best-known signing time), the certificate path at that time,
 * revocation, and finally what later revisions changed; then the PAdES level reached.
 */
final class SignatureCheck {

    private final ChainValidator chains;
    private final RevocationChecker revocation;
    private final TimestampTokens tokens;
    private final CertificateCache cache;

    SignatureCheck(ChainValidator chains, RevocationChecker revocation, TimestampTokens tokens, CertificateCache cache) {
        this.chains = chains;
        this.revocation = revocation;
        this.tokens = tokens;
        this.cache = cache;
    }

    SignatureReport check(SignatureCandidate candidate, DocumentContext context) {
        Verdict verdict = new Verdict();
        PDDocument revision = SignedRevision.check(context.revisions, candidate, verdict);
        Findings findings = new Findings();
        if (revision != null) {
            SignatureFormat format = SignatureFormat.ofSubFilter(candidate.subFilter());
            if (format == null) {
                verdict.indeterminate(SubIndication.GENERIC,
                        "the signature format /SubFilter /" + candidate.subFilter() + " is not supported");
            } else {
                findings.format = format;
                cryptographic(candidate, format, context, verdict, findings);
            }
        }
        Modifications modifications = SignedRevision.modifications(context.revisions, candidate, revision, verdict);
        X509Certificate signer = findings.signer;
        return new SignatureReport(candidate.field(), verdict.indication(), verdict.subIndication(),
                verdict.isInvalid() ? null : level(candidate, context, findings),
                signer == null ? null : Names.subject(signer),
                signer == null ? null : Names.dn(signer.getSubjectX500Principal()),
                signer == null ? null : Names.dn(signer.getIssuerX500Principal()),
                signer == null ? null : signer.getSerialNumber().toString(16),
                candidate.claimedTime() != null ? candidate.claimedTime() : findings.cmsSigningTime,
                findings.timestampTime,
                candidate.rangeEnd() == context.revisions.file().length(), modifications, verdict.problems(),
                Names.sha256(findings.anchor), null, null,
                signer, findings.cms == null ? null : SignatureId.of(findings.cms.signer.getSignature()),
                findings.cms != null ? findings.cms.format : findings.format);
    }

    private void cryptographic(SignatureCandidate candidate, SignatureFormat format, DocumentContext context,
            Verdict verdict, Findings findings) {
        byte[] bytes = context.revisions.file().bytes();
        CmsSignature cms = CmsSignature.check(candidate.contents(), bytes, candidate.byteRange(), format,
                context.certificates, cache, verdict);
        if (cms == null) {
            return;
        }
        findings.signer = cms.signerCertificate;
        findings.cms = cms;
        findings.cmsSigningTime = signingTimeAttribute(cms);
        if (verdict.isInvalid()) {
            return;
        }
        CertificatePool pool = new CertificatePool(context.certificates);
        pool.addAll(cms.certificates);
        Instant proven = signatureTimestamp(cms, pool, context.tsaCheckTime(candidate.rangeEnd()), verdict, findings);
        Instant archived = context.proofOfExistenceAfter(candidate.rangeEnd());
        if (archived != null && (proven == null || archived.isBefore(proven))) {
            proven = archived; // a later document timestamp also proves the signature existed then
        }
        findings.proven = proven;
        cryptoConstraints(cms, proven, context.now, verdict);
        Instant best = proven != null ? proven : context.now;
        ChainValidator.Result chain = chains.validate(cms.signerCertificate, pool, best, ChainValidator.Purpose.SIGNATURE);
        findings.anchor = chains.anchorOf(chain.path());
        if (!chain.ok()) {
            verdict.fail(chain.indication(), chain.subIndication(), chain.problem());
            return;
        }
        List<byte[]> ocsp = new ArrayList<>(context.dss.ocspResponses());
        ocsp.addAll(cms.ocspResponses());
        List<byte[]> crls = new ArrayList<>(context.dss.crls());
        crls.addAll(cms.crls());
        Instant claimed = candidate.claimedTime() != null ? candidate.claimedTime() : findings.cmsSigningTime;
        RevocationChecker.Outcome outcome = revocation.check(chain.path(), new RevocationChecker.Evidence(ocsp, crls),
                new RevocationChecker.Times(best, proven, claimed, context.now), chains);
        outcome.notes().forEach(verdict::note);
        if (!outcome.ok()) {
            verdict.fail(outcome.indication(), outcome.subIndication(), outcome.problem());
        }
        findings.revocationInFile = outcome.ok() && outcome.allEmbedded() && context.dss.present();
    }

    /** The policy on the digest the document rests on, the signer's digest, and the signer's key. */
    private static void cryptoConstraints(CmsSignature cms, Instant proven, Instant now, Verdict verdict) {
        if (cms.documentDigest != cms.digestAlgorithm) {
            CryptoPolicy.judge("the " + cms.documentDigest.displayName() + " digest of the document (adbe.pkcs7.sha1)",
                    cms.documentDigest.reliableUntil(), proven, now, verdict);
        }
        CryptoPolicy.judge("the " + cms.digestAlgorithm.displayName() + " digest algorithm of the signature",
                cms.digestAlgorithm.reliableUntil(), proven, now, verdict);
        java.security.PublicKey key = cms.signerCertificate.getPublicKey();
        CryptoPolicy.judge("the signer's " + CryptoPolicy.describe(key) + " key", CryptoPolicy.keyReliableUntil(key),
                proven, now, verdict);
    }

    private Instant signatureTimestamp(CmsSignature cms, CertificatePool pool, Instant tsaCheckTime, Verdict verdict,
            Findings findings) {
        byte[] token = cms.signatureTimestamp();
        if (token == null) {
            return null;
        }
        byte[] signatureValue = cms.signer.getSignature();
        TimestampTokens.Result result = tokens.check(token, (VerifierDigest alg) -> alg.newDigest().digest(signatureValue),
                pool, tsaCheckTime);
        if (!result.valid()) {
            result.verdict().problems().forEach(p -> verdict.note("the signature timestamp is ignored: " + p));
            return null;
        }
        findings.timestampTime = result.time();
        findings.signatureTimestampValid = true;
        return result.time();
    }

    private static Instant signingTimeAttribute(CmsSignature cms) {
        try {
            Attribute a = cms.signer.getSignedAttributes() == null ? null
                    : cms.signer.getSignedAttributes().get(CMSAttributes.signingTime);
            return a == null ? null : Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static PadesLevel level(SignatureCandidate candidate, DocumentContext context, Findings findings) {
        if (findings.cms == null || findings.cms.format != SignatureFormat.CADES_DETACHED
                || !findings.cms.hasSigningCertificateV2 || !findings.cms.singleSigner) {
            return null;
        }
        boolean timestamped = findings.signatureTimestampValid || context.proofOfExistenceAfter(candidate.rangeEnd()) != null;
        if (!timestamped) {
            return PadesLevel.B_B;
        }
        if (!findings.revocationInFile) {
            return PadesLevel.B_T;
        }
        return context.archiveTimestampAfter(candidate.rangeEnd()) ? PadesLevel.B_LTA : PadesLevel.B_LT;
    }

    /** What the checks learnt, for the report. */
    private static final class Findings {
        X509Certificate signer;
        X509Certificate anchor;
        SignatureFormat format;
        CmsSignature cms;
        Instant cmsSigningTime;
        Instant timestampTime;
        Instant proven;
        boolean signatureTimestampValid;
        boolean revocationInFile;
    }
}
