package vn.kyso.ca.tsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import vn.kyso.ca.CaSettings;
import vn.kyso.ca.hierarchy.Hierarchy;
import vn.kyso.ca.hierarchy.SigningCredential;

/**
 * Grants RFC 3161 timestamps for SHA-256/384/512 imprints under the TSA policy, with random
 * 127-bit serial numbers (unique without a database round trip).
 */
public final class TimeStampAuthority {

    private static final Set<ASN1ObjectIdentifier> IMPRINTS = Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384,
            TSPAlgorithms.SHA512);

    private final Hierarchy hierarchy;
    private final Clock clock;
    private final SecureRandom random;
    private final CaSettings.Responders settings;
    private final ASN1ObjectIdentifier policy;
    private final DigestCalculatorProvider digests;

    public TimeStampAuthority(Hierarchy hierarchy, Clock clock, SecureRandom random, CaSettings.Responders settings) {
        this.hierarchy = hierarchy;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.policy = new ASN1ObjectIdentifier(settings.tsaPolicyOid());
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** DER TimeStampReq in, DER TimeStampResp out; a bad request gets status rejection, never an exception. */
    public byte[] respond(byte[] requestDer) {
        TimeStampRequest request;
        try {
            if (requestDer == null || requestDer.length == 0) {
                return rejection(PKIFailureInfo.badDataFormat, "empty request");
            }
            request = new TimeStampRequest(requestDer);
        } catch (Exception e) {
            return rejection(PKIFailureInfo.badDataFormat, "the request is not an RFC 3161 TimeStampReq");
        }
        try {
            SigningCredential tsa = hierarchy.tsa();
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(digests).build(tsa.contentSigner(), tsa.certificate()),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), policy);
            long accuracy = settings.tsaAccuracy().toMillis();
            if (accuracy >= 1000) {
                tokens.setAccuracySeconds((int) (accuracy / 1000));
            }
            if (accuracy % 1000 != 0) {
                tokens.setAccuracyMillis((int) (accuracy % 1000));
            }
            // Sent only when the request sets certReq, as RFC 3161 says.
            tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, IMPRINTS, Set.of(policy));
            BigInteger serial = new BigInteger(127, random);
            return responses.generate(request, serial, Date.from(clock.instant())).getEncoded();
        } catch (Exception e) {
            return rejection(PKIFailureInfo.systemFailure, "the time-stamping authority failed");
        }
    }

    private static byte[] rejection(int failure, String text) {
        try {
            return new TimeStampResponseGenerator(null, Set.of()).generateFailResponse(PKIStatus.REJECTION, failure, text)
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
