package vn.kyso.server.demo;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.kyso.server.config.KysoProperties;

/** In demo mode the service's clock is the demo's own (see {@link DemoClock}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kyso.demo.enabled", havingValue = "true")
class DemoClockConfiguration {

    @Bean
    DemoClock clock(KysoProperties properties) {
        return new DemoClock(Clock.systemUTC(), properties.dataDir());
    }
}
