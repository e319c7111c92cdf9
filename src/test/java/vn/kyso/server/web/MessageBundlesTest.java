package vn.kyso.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import vn.kyso.ca.CaException;
import vn.kyso.server.security.AccountException;
import vn.kyso.signing.SigningException;

class MessageBundlesTest {

    @Test
    void vietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames());
        vi.forEach((key, value) -> assertThat((String) value).as("vi " + key).isNotBlank());
        en.forEach((key, value) -> assertThat((String) value).as("en " + key).isNotBlank());
    }

    @Test
    void vietnameseBundleIsReadAsUtf8WithDiacritics() throws IOException {
        Properties vi = load("messages.properties");
        assertThat(vi.getProperty("nav.sign")).isEqualTo("Ký số");
        assertThat(vi.getProperty("nav.certificates")).isEqualTo("Chứng thư số");
        assertThat(vi.getProperty("login.error")).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    @Test
    void everyErrorCodeHasAMessage() throws IOException {
        Properties vi = load("messages.properties");
        Arrays.stream(SigningException.ErrorCode.values())
                .forEach(code -> assertThat(vi).containsKey("problem.signing." + code.name()));
        Arrays.stream(AccountException.ErrorCode.values())
                .forEach(code -> assertThat(vi).containsKey("problem.account." + code.name()));
        Arrays.stream(CaException.ErrorCode.values())
                .forEach(code -> assertThat(vi).containsKey("problem.ca." + code.name()));
    }

    @Test
    void badInputNeverMapsToAServerError() {
        for (SigningException.ErrorCode code : SigningException.ErrorCode.values()) {
            int status = ProblemHandler.signingStatus(code).value();
            if (code == SigningException.ErrorCode.IO_ERROR) {
                assertThat(status).isEqualTo(500);
            } else {
                assertThat(status).as(code.name()).isBetween(400, 503).isNotEqualTo(500);
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessageBundlesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
