package vn.kyso.signing.verify;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

import vn.kyso.signing.SubIndication;

/**
 * Checks an RFC 3161 timestamp token: the imprint matches the data it stamps (a signature value,
 * or a document's byte range), the token's signature is valid, and the TSA certificate has the
 * critical timeStamping usage and chains to a trust anchor.
 */
final class TimestampTokens {

    /**
     * The verdict on one token; {@code time} and {@code tsa} are null when the token could not be
     * read, {@code anchorSha256} when the TSA's path ends at no trust anchor.
     */
    record Result(Verdict verdict, Instant time, String tsa, String anchorSha256) {
        Result(Verdict verdict, Instant time, String tsa) {
            this(verdict, time, tsa, null);
        }

        boolean valid() {
            return verdict.isValid();
        }
    }

    private final ChainValidator chains;
    private final CertificateCache cache;

    TimestampTokens(ChainValidator chains, CertificateCache cache) {
        this.chains = chains;
        this.cache = cache;
    }

    /**
     * @param der     the token (a CMS ContentInfo)
     * @param imprint computes the digest of the stamped data with the token's algorithm
     * @param pool    certificates that may complete the TSA's path
     * @param now     the time the TSA certificate is judged at
     */
    Result check(byte[] der, Function<VerifierDigest, byte[]> imprint, CertificatePool pool, Instant now) {
        Verdict v = new Verdict();
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(ByteRangeCheck.der(der)));
        } catch (Exception e) {
            v.invalid(SubIndication.FORMAT_FAILURE, "the timestamp token cannot be read: " + PdfFile.oneLine(e));
            return new Result(v, null, null);
        }
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        VerifierDigest algorithm = VerifierDigest.fromOid(token.getTimeStampInfo().getMessageImprintAlgOID());
        if (algorithm == null) {
            v.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                    "the timestamp imprint uses a digest algorithm that is not accepted");
            return new Result(v, time, null);
        }
        // the imprint's algorithm must have been reliable when the TSA stamped (its own time)
        CryptoPolicy.judge("the timestamp's " + algorithm.displayName() + " imprint", algorithm.reliableUntil(), time, now, v);
        if (!v.isValid()) {
            return new Result(v, time, null);
        }
        if (!MessageDigest.isEqual(imprint.apply(algorithm), token.getTimeStampInfo().getMessageImprintDigest())) {
            v.invalid(SubIndication.HASH_FAILURE, "the timestamp does not stamp this data (imprint mismatch)");
            return new Result(v, time, null);
        }
        X509Certificate tsa = find(token.getSID(), token, pool);
        if (tsa == null) {
            v.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "the TSA certificate is not in the token or the file");
            return new Result(v, time, null);
        }
        String tsaName = Names.dn(tsa.getSubjectX500Principal());
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BC).build(tsa));
        } catch (TSPValidationException e) {
            v.invalid(SubIndication.SIG_CRYPTO_FAILURE, "the timestamp token does not verify: " + PdfFile.oneLine(e));
            return new Result(v, time, tsaName);
        } catch (Exception e) {
            v.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, "the timestamp token cannot be checked: " + PdfFile.oneLine(e));
            return new Result(v, time, tsaName);
        }
        CertificatePool all = new CertificatePool(pool);
        addTokenCertificates(token, all);
        ChainValidator.Result chain = chains.validate(tsa, all, now, ChainValidator.Purpose.TIMESTAMP);
        if (!chain.ok()) {
            v.fail(chain.indication(), chain.subIndication(), "timestamp: " + chain.problem());
        }
        return new Result(v, time, tsaName, Names.sha256(chains.anchorOf(chain.path())));
    }

    private X509Certificate find(SignerId sid, TimeStampToken token, CertificatePool pool) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches((Selector<X509CertificateHolder>) (Object) sid);
        for (X509CertificateHolder h : matches) {
            try {
                X509Certificate c = cache.certificate(h.getEncoded());
                if (c != null) {
                    return c;
                }
            } catch (java.io.IOException e) {
                // try the next
            }
        }
        for (X509Certificate c : pool.all()) {
            try {
                if (sid.match(new X509CertificateHolder(c.getEncoded()))) {
                    return c;
                }
            } catch (Exception e) {
                // not this one
            }
        }
        return null;
    }

    private void addTokenCertificates(TimeStampToken token, CertificatePool pool) {
        for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
            try {
                X509Certificate c = cache.certificate(h.getEncoded());
                if (c != null) {
                    pool.add(c);
                }
            } catch (java.io.IOException e) {
                // skip it
            }
        }
    }
}
