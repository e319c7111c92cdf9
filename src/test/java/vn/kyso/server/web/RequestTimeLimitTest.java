package vn.kyso.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.util.unit.DataSize;

import vn.kyso.server.config.KysoProperties;
import vn.kyso.signing.SigningException;

/** kyso.limits.request-timeout around work that cannot watch the clock itself. */
class RequestTimeLimitTest {

    private RequestTimeLimit limit;

    static RequestTimeLimit of(Duration duration) {
        return new RequestTimeLimit(new KysoProperties(Path.of("unused"), URI.create("http://127.0.0.1:1"),
                new KysoProperties.Limits(DataSize.ofMegabytes(1), 10, duration)));
    }

    @AfterEach
    void stop() {
        limit.stop();
    }

    @Test
    void workThatOutlastsTheLimitIsAbandonedAndInterrupted() throws Exception {
        limit = of(Duration.ofMillis(200));
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> limit.within(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        })).isInstanceOfSatisfying(RequestTimeLimit.Exceeded.class, e -> assertThat(e.seconds()).isEqualTo(1));

        assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
    }

    @Test
    void resultsAndFailuresOfTheWorkPassUnchangedUnderTheRequestsLogId() {
        limit = of(Duration.ofMinutes(1));
        MDC.put("requestId", "limit-test-0001");
        try {
            assertThat(limit.within(() -> MDC.get("requestId"))).isEqualTo("limit-test-0001");
            SigningException notAPdf = new SigningException(SigningException.ErrorCode.NOT_A_PDF, "not a PDF");
            assertThatThrownBy(() -> limit.within(() -> {
                throw notAPdf;
            })).isSameAs(notAPdf);
        } finally {
            MDC.remove("requestId");
        }
    }
}
