package vn.kyso.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class KysoPropertiesTest {

    @Test
    void defaultsNeedNoConfiguration() {
        KysoProperties properties = bind(Map.of("kyso.limits.max-pages", "2000"));
        assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("kyso-data"));
        assertThat(properties.publicUrl()).isNull();
        assertThat(properties.limits().maxUploadSize()).isEqualTo(DataSize.ofMegabytes(50));
        assertThat(properties.limits().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void settingsBindFromKebabCaseKeys() {
        KysoProperties properties = bind(Map.of("kyso.data-dir", "/srv/kyso", "kyso.public-url", "https://kyso.example.vn",
                "kyso.limits.max-upload-size", "20MB", "kyso.limits.max-pages", "300",
                "kyso.limits.request-timeout", "2m"));
        assertThat(properties.dataDir()).isEqualTo(Path.of("/srv/kyso"));
        assertThat(properties.publicUrl().toString()).isEqualTo("https://kyso.example.vn");
        assertThat(properties.limits().maxPages()).isEqualTo(300);
        assertThat(properties.limits().requestTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void nonsenseSettingsStopTheStart() {
        assertThatThrownBy(() -> bind(Map.of("kyso.limits.max-pages", "0"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("kyso.public-url", "kyso.example.vn"))).isInstanceOf(BindException.class);
    }

    private static KysoProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("kyso", KysoProperties.class);
    }
}
