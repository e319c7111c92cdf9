package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class CaPassphraseTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheEnvironmentAGeneratedPassphraseIsKeptOwnerOnlyAndReused() throws IOException {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(CaPassphrase.class);
        logger.addAppender(logs);
        try {
            char[] first = CaPassphrase.resolve(null, dir, new SecureRandom());
            char[] second = CaPassphrase.resolve("", dir, new SecureRandom());
            assertThat(first).hasSizeGreaterThanOrEqualTo(40).isEqualTo(second);
            Path file = dir.resolve(CaPassphrase.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(logs.list).hasSize(2).allMatch(e -> e.getFormattedMessage().contains("NOT for production"))
                    .noneMatch(e -> e.getFormattedMessage().contains(new String(first)));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void thePassphraseFromTheEnvironmentWinsAndNothingIsWritten() {
        assertThat(CaPassphrase.resolve("from-the-environment", dir, new SecureRandom()))
                .isEqualTo("from-the-environment".toCharArray());
        assertThat(dir.resolve(CaPassphrase.FILE)).doesNotExist();
    }
}
