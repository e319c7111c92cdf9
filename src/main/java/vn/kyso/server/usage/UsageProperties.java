package vn.kyso.server.usage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of usage reporting ({@code kyso.usage.*}).
 *
 * @param metricsCacheTtl  how long the certificate and regular-use gauges reuse one database read
 * @param maxDocumentBytes the largest PDF (also zip entry) ingestion reads
 * @param maxIngestFiles   how many files one ingestion request may upload
 * @param watchFolder      a folder where the document system drops signed PDFs or zips to ingest;
 *                         none (off) by default
 * @param watchInterval    how often the watched folder is looked at
 * @param closeGrace       how long after a month (or a report's period) ends its figures still take
 *                         evidence dated in it; then it is closed: its report is frozen as a signed
 *                         snapshot and later evidence is an amendment beside it (docs/usage.md)
 */
@ConfigurationProperties("kyso.usage")
public record UsageProperties(@DefaultValue("60s") Duration metricsCacheTtl,
        @DefaultValue("100MB") DataSize maxDocumentBytes, @DefaultValue("200") int maxIngestFiles, Path watchFolder,
        @DefaultValue("30s") Duration watchInterval, @DefaultValue("10d") Duration closeGrace) {

    public UsageProperties {
        if (metricsCacheTtl.isNegative() || maxDocumentBytes.toBytes() <= 0 || maxIngestFiles < 1
                || watchInterval.isNegative() || watchInterval.isZero() || closeGrace == null
                || closeGrace.isNegative()) {
            throw new IllegalArgumentException("kyso.usage settings must be positive");
        }
    }
}
