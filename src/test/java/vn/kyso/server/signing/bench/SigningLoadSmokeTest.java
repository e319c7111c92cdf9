package vn.kyso.server.signing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.kyso.server.KysoServerTest;

/**
 * The load client, bounded: 20 signings at B-LT by 2 workers against the test server, with
 * everything made through the API (officer, custody certificate, token, activations) and a
 * sample verified. The timed benchmark is the same class run as a main (docs/benchmarks.md).
 */
class SigningLoadSmokeTest extends KysoServerTest {

    @Test
    void twentySigningsThroughTheApiAllSucceedAndVerify() throws Exception {
        int exit = SigningLoad.run("--url", "http://127.0.0.1:" + port, "--admin-password", ADMIN_PASSWORD,
                "--pin", "246810", "--concurrency", "2", "--warmup", "0", "--seconds", "600",
                "--max-documents", "20", "--activation-size", "7", "--verify-every", "5");

        assertThat(exit).isZero();
    }
}
