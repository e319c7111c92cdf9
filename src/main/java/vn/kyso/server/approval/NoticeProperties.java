package vn.kyso.server.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kyso.notices.*}: the sender of the e-mail that tells a subscriber of a certificate issued
 * in their name. The mail server itself is Spring's {@code spring.mail.*} (docs/operations.md);
 * without {@code spring.mail.host} subscribers are told in the console only.
 */
@ConfigurationProperties("kyso.notices")
public record NoticeProperties(@DefaultValue("kyso@localhost") String mailFrom) {
}
