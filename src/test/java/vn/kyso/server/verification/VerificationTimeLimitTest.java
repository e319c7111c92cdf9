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
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

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
        byte[] pdf = Files.readAllBytes(TestPdfs.pages(temp.resolve("many.pdf"), 2));
        // a verification that cannot end before the limit: it waits on a gate that never opens
        RequestTimeLimit limit = new RequestTimeLimit(new KysoProperties(temp, URI.create("http://127.0.0.1:1"),
                new KysoProperties.Limits(DataSize.ofMegabytes(10), 100, Duration.ofMillis(200)))) {
            @Override
            public <T> T within(Supplier<T> work) {
                CountDownLatch never = new CountDownLatch(1);
                return super.within(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException abandoned) {
                        throw new IllegalStateException("abandoned at the limit");
                    }
                    return work.get();
                });
            }
        };
        List<Object> published = new ArrayList<>();
        DocumentVerification verification = new DocumentVerification(TrustedVerifier.fixed(PdfVerifier.builder().build()), null,
                published::add, Clock.systemUTC(), limit);

        assertThatThrownBy(() -> verification.verify("many.pdf", pdf, "API"))
                .isInstanceOf(RequestTimeLimit.Exceeded.class);
        assertThat(published).isEmpty();
    }
}
