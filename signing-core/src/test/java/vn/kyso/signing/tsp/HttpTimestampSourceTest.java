package vn.kyso.signing.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.testpki.TestPkiServer;
import vn.kyso.signing.transport.HttpExchange;

class HttpTimestampSourceTest {

    @Test
    void tokenCoversTheDigestItWasAskedFor() throws Exception {
        try (TestPkiServer server = TestPkiServer.start()) {
            byte[] digest = DigestAlgorithm.SHA384.newDigest().digest("kyso".getBytes());

            byte[] token = new HttpTimestampSource(server.tsaUrl()).timestamp(digest, DigestAlgorithm.SHA384);

            TimeStampToken t = new TimeStampToken(new CMSSignedData(token));
            assertThat(t.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
            assertThat(t.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(DigestAlgorithm.SHA384.oid());
            assertThat(t.getTimeStampInfo().getNonce()).isNotNull();
        }
    }

    @Test
    void unreachableOrFailingTsaIsTsaUnavailable() {
        try (TestPkiServer server = TestPkiServer.start()) {
            URI notATsa = URI.create(server.baseUrl() + "/crl/issuing.crl");
            assertThatThrownBy(() -> new HttpTimestampSource(notATsa).timestamp(new byte[32], DigestAlgorithm.SHA256))
                    .isInstanceOfSatisfying(SigningException.class,
                            e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.TSA_UNAVAILABLE));
        }
        URI closed = URI.create("http://127.0.0.1:1/tsa");
        HttpExchange quick = new HttpExchange(Duration.ofMillis(500), Duration.ofMillis(500), 1 << 20);
        assertThatThrownBy(() -> new HttpTimestampSource(closed, quick).timestamp(new byte[32], DigestAlgorithm.SHA256))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.TSA_UNAVAILABLE));
    }
}
