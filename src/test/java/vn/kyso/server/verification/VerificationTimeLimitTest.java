package vn.kyso.server.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.web.RequestTimeLimit;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.testpki.TestPdfs;

/** A verification longer than kyso.limits.request-timeout ends in a time-limit failure and counts nothing. */
class VerificationTimeLimitTest {

    @TempDir
    Path temp;

    @Test
    void aVerificationOverTheTimeLimitIsAbandonedAndPublishesNothing() throws Exception {
        byte[] pdf = Files.readAllBytes(TestPdfs.pages(temp.resolve("many.pdf"), 50));
        // a limit no verification can meet: the worker thread cannot even parse the file in 1 ns
        RequestTimeLimit limit = new RequestTimeLimit(new KysoProperties(temp, URI.create("http://127.0.0.1:1"),
                new KysoProperties.Limits(DataSize.ofMegabytes(10), 100, Duration.ofNanos(1))));
        List<Object> published = new ArrayList<>();
        DocumentVerification verification = new DocumentVerification(PdfVerifier.builder().build(), null,
                published::add, Clock.systemUTC(), limit);

        assertThatThrownBy(() -> verification.verify("many.pdf", pdf, "API"))
                .isInstanceOf(RequestTimeLimit.Exceeded.class);
        assertThat(published).isEmpty();
    }
}
