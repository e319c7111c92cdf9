package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KysoCliTest {

    @Test
    void signAndVerifyRunTheCliEverythingElseStartsTheService() {
        assertThat(KysoCli.handles(new String[] { "sign", "a.pdf" })).isTrue();
        assertThat(KysoCli.handles(new String[] { "verify", "a.pdf" })).isTrue();
        assertThat(KysoCli.handles(new String[] { "--lang", "en", "verify", "a.pdf" })).isTrue();
        assertThat(KysoCli.handles(new String[] { "--debug", "--lang=en", "sign" })).isTrue();
        assertThat(KysoCli.handles(new String[] { "--help" })).isTrue();

        assertThat(KysoCli.handles(new String[] {})).isFalse();
        assertThat(KysoCli.handles(new String[] { "--debug" })).isFalse();
        assertThat(KysoCli.handles(new String[] { "--server.port=9090" })).isFalse();
        assertThat(KysoCli.handles(new String[] { "--lang", "en" })).isFalse();
    }

    @Test
    void languageOptionBeforeTheCommandWorks() {
        CliRun run = CliRun.run(java.util.Map.of(), Backends.library(), "--lang", "en", "verify", "missing.pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("file not found");
    }
}
