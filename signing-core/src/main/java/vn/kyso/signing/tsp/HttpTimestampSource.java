package vn.kyso.signing.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.TimestampSource;
import vn.kyso.signing.transport.HttpExchange;

/**
 * An RFC 3161 TSA over HTTP: asks with a random nonce and the TSA's certificate, and accepts
 * only a granted response whose imprint and nonce match the request. Thread-safe.
 */
public final class HttpTimestampSource implements TimestampSource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final HttpExchange http;

    public HttpTimestampSource(URI url) {
        this(url, HttpExchange.defaults());
    }

    public HttpTimestampSource(URI url, HttpExchange http) {
        this.url = Objects.requireNonNull(url, "url");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public byte[] timestamp(byte[] digest, DigestAlgorithm algorithm) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(algorithm.oid(), digest, new BigInteger(64, RANDOM));
        byte[] body;
        try {
            body = http.post(url, "application/timestamp-query", request.getEncoded(), "application/timestamp-reply");
        } catch (IOException e) {
            throw new SigningException(ErrorCode.TSA_UNAVAILABLE, "the TSA " + url + " did not answer: " + e.getMessage(), e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(body);
            // checks status granted, the imprint, the nonce and the requested certificate
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new SigningException(ErrorCode.TSA_UNAVAILABLE, "the TSA " + url + " refused: "
                        + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new SigningException(ErrorCode.TSA_UNAVAILABLE,
                    "the TSA " + url + " answered with an unusable response: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HttpTimestampSource[" + url + "]";
    }
}
