package vn.kyso.server.signing.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every batch error code and every text of the progress panel, in Vietnamese and in English. */
class BatchMessagesTest {

    @Test
    void everyBatchCodeAndPanelTextHasAMessageInBothLanguages() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = load(bundle);
            for (BatchException.Code code : BatchException.Code.values()) {
                assertThat(messages.getProperty("problem.batch." + code.name())).as(bundle + " " + code).isNotBlank();
            }
            for (String key : new String[] {"title", "summary", "running", "completed", "interrupted", "lost",
                    "document.PENDING", "document.SIGNED", "document.FAILED", "download", "dismiss"}) {
                assertThat(messages.getProperty("batch." + key)).as(bundle + " batch." + key).isNotBlank();
            }
            assertThat(messages.getProperty("batch.summary")).contains("{done}", "{total}", "{signed}", "{failed}");
        }
        assertThat(load("messages.properties").getProperty("batch.document.SIGNED")).isEqualTo("đã ký");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                BatchMessagesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
