package vn.kyso.server.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.TimestampSource;

/**
 * kyso's own TSA, asked in-process: the same RFC 3161 request and checks as over HTTP, without
 * the service calling itself through the network.
 */
final class CaTimestampSource implements TimestampSource {

    private final CertificateAuthority ca;
    private final SecureRandom random;

    CaTimestampSource(CertificateAuthority ca, SecureRandom random) {
        this.ca = ca;
        this.random = random;
    }

    @Override
    public byte[] timestamp(byte[] digest, DigestAlgorithm algorithm) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(algorithm.oid(), digest, new BigInteger(64, random));
        try {
            TimeStampResponse response = new TimeStampResponse(ca.timestamp(request.getEncoded()));
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new SigningException(SigningException.ErrorCode.TSA_UNAVAILABLE,
                        "kyso's TSA refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new SigningException(SigningException.ErrorCode.TSA_UNAVAILABLE,
                    "kyso's TSA gave an unusable response: " + e.getMessage(), e);
        }
    }
}
