package vn.kyso.server.config;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature injects instead of reaching for statics, so that tests can fix them. */
@Configuration(proxyBeanMethods = false)
class SharedBeans {

    /** The system clock; a demo has its own (vn.kyso.server.demo.DemoClock), set back while it builds its history. */
    @Bean
    @ConditionalOnProperty(name = "kyso.demo.enabled", havingValue = "false", matchIfMissing = true)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }
}
