package vn.kyso.server.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kyso.security.dual-control.*} (issue 13): whether issuing a certificate, linking an account
 * to a subscriber and granting an approving role need a second person's approval. On by default;
 * the demo ({@code kyso.demo.enabled}) always runs without it, so its one-person flows work.
 */
@ConfigurationProperties("kyso.security.dual-control")
public record DualControlProperties(@DefaultValue("true") boolean enabled) {
}
