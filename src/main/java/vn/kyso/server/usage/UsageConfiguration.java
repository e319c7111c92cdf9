package vn.kyso.server.usage;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.binder.MeterBinder;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.usage.UsageReports;

/**
 * Creates the usage module on the service's database. Its tables come from Spring's Flyway run
 * ({@code db/migration/usage} is listed in {@code spring.flyway.locations}), so the module does
 * not migrate by itself and waits for database initialisation. Its meters are bound to the
 * service's registry (a {@link MeterBinder} bean), hence shown by {@code /actuator/prometheus}.
 */
@Configuration(proxyBeanMethods = false)
class UsageConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    UsageReports usageReports(DataSource dataSource, CertificateAuthority ca, UsageProperties properties, Clock clock,
            SecureRandom random, CaUnitHistory units, ReportSigner reportSigner) {
        return UsageReports.builder()
                .dataSource(dataSource)
                // units come from the CA's dated directory, through the module's port (no copy)
                .unitHistory(units)
                .migrate(false)
                .clock(clock)
                .random(random)
                .trustAnchors(List.of(ca.rootCertificate()))
                // changes to the figures go into the CA's hash-chained audit log (docs/usage.md)
                .auditTrail(ca::audit)
                .maxDocumentBytes(properties.maxDocumentBytes().toBytes())
                .metricsCacheTtl(properties.metricsCacheTtl())
                .closeGrace(properties.closeGrace())
                // closed periods' reports are frozen signed with kyso's report-signing certificate
                .snapshotSigner(reportSigner::signSnapshot)
                .build();
    }

    /** The usage migrations written in Java, for Spring's Flyway run (it picks up JavaMigration beans). */
    @Bean
    static JavaMigration usageBinaryOnceKeys() {
        return UsageReports.migrations()[0];
    }

    @Bean
    MeterBinder usageMeters(UsageReports usage) {
        return usage.metrics();
    }
}
