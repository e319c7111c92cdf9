package vn.kyso.server.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import vn.kyso.ca.Agency;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateIssued;
import vn.kyso.ca.Officer;
import vn.kyso.ca.Subscriber;

/**
 * Issue 13: the subscriber is told of every certificate issued in their name, whoever issued it
 * and however it was approved: a notice in the console of the accounts linked to the subscriber,
 * and an e-mail to the subscriber's address through the configured mail server ({@code spring.mail.*}).
 * Without a mail server the notices are the console's only (logged once at the first issuance).
 * Mail goes out on its own thread: a slow or absent server never holds up an issuance.
 */
@Component
public class CertificateNotices {

    private static final Logger log = LoggerFactory.getLogger(CertificateNotices.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** What became of a notice's e-mail. */
    public enum Mail {
        PENDING, SENT, FAILED, NO_ADDRESS, NO_MAIL_SERVER
    }

    /** One notice as the subscriber's accounts see it. */
    public record Notice(long id, String serial, String subject, Instant notBefore, Instant notAfter, Instant issuedAt,
                         Mail mail, boolean seen) {
    }

    private final JdbcClient jdbc;
    private final CertificateAuthority ca;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageSource messages;
    private final NoticeProperties settings;
    private final Clock clock;
    private final AtomicBoolean noServerLogged = new AtomicBoolean();
    private final ExecutorService mailer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kyso-notice-mail");
        thread.setDaemon(true);
        return thread;
    });

    CertificateNotices(JdbcClient jdbc, CertificateAuthority ca, ObjectProvider<JavaMailSender> mailSender,
            MessageSource messages, NoticeProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.ca = ca;
        this.mailSender = mailSender;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        mailer.shutdown();
    }

    @EventListener
    void issued(CertificateIssued event) {
        if (!event.kind().isSubscriber()) {
            return;
        }
        try {
            Subscriber subscriber = ca.subscriber(event.subscriberId());
            String address = subscriber instanceof Officer o ? o.email() : subscriber instanceof Agency a ? a.email() : null;
            JavaMailSender sender = mailSender.getIfAvailable();
            Mail mail = address == null || address.isBlank() ? Mail.NO_ADDRESS
                    : sender == null ? Mail.NO_MAIL_SERVER : Mail.PENDING;
            String serial = event.serial().toString(16);
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO server_certificate_notice (subscriber_id, serial, subject, not_before, not_after,
                      issued_at, mail) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(event.subscriberId(), serial, bounded(event.subject()), timestamp(event.notBefore()),
                            timestamp(event.notAfter()), Timestamp.from(event.at()), mail.name())
                    .update(keys, "id");
            long id = keys.getKeyAs(Number.class).longValue();
            if (mail == Mail.NO_MAIL_SERVER && noServerLogged.compareAndSet(false, true)) {
                log.info("No mail server configured (spring.mail.host): subscribers are told of new certificates "
                        + "in the console only");
            }
            if (mail == Mail.PENDING) {
                SimpleMailMessage message = message(subscriber, address, serial, event);
                mailer.execute(() -> send(sender, message, id, serial));
            }
        } catch (RuntimeException e) {
            // the certificate is issued and audited whatever happens here
            log.warn("Could not record the notice of certificate {}: {}", event.serial().toString(16), e.toString());
        }
    }

    private void send(JavaMailSender sender, SimpleMailMessage message, long id, String serial) {
        Mail result;
        try {
            sender.send(message);
            result = Mail.SENT;
        } catch (MailException e) {
            result = Mail.FAILED;
            log.warn("Could not e-mail the notice of certificate {}: {}", serial, e.getMessage());
        }
        jdbc.sql("UPDATE server_certificate_notice SET mail = ? WHERE id = ?").params(result.name(), id).update();
    }

    private SimpleMailMessage message(Subscriber subscriber, String address, String serial, CertificateIssued event) {
        Object[] args = {subscriber.displayName(), serial, event.subject(),
                event.notBefore() == null ? "" : DAY.format(event.notBefore()),
                event.notAfter() == null ? "" : DAY.format(event.notAfter()), DAY.format(event.at())};
        Locale vi = Locale.forLanguageTag("vi");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(address);
        message.setSubject(messages.getMessage("notice.mail.subject", args, vi) + " / "
                + messages.getMessage("notice.mail.subject", args, Locale.ENGLISH));
        message.setText(messages.getMessage("notice.mail.body", args, vi) + "\n\n---\n\n"
                + messages.getMessage("notice.mail.body", args, Locale.ENGLISH));
        return message;
    }

    /** The notices of certificates issued in this subscriber's name, newest first. */
    public List<Notice> of(String subscriberId) {
        Long id = subscriberNumber(subscriberId);
        if (id == null) {
            return List.of();
        }
        return jdbc.sql("SELECT id, serial, subject, not_before, not_after, issued_at, mail, seen_at "
                        + "FROM server_certificate_notice WHERE subscriber_id = ? ORDER BY id DESC LIMIT 200")
                .param(id)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), Mail.valueOf(rs.getString(7)),
                        rs.getTimestamp(8) != null))
                .list();
    }

    public long unseen(String subscriberId) {
        Long id = subscriberNumber(subscriberId);
        return id == null ? 0 : jdbc.sql("SELECT COUNT(*) FROM server_certificate_notice WHERE subscriber_id = ? "
                + "AND seen_at IS NULL").param(id).query(Long.class).single();
    }

    public void markSeen(String subscriberId) {
        Long id = subscriberNumber(subscriberId);
        if (id != null) {
            jdbc.sql("UPDATE server_certificate_notice SET seen_at = ? WHERE subscriber_id = ? AND seen_at IS NULL")
                    .params(Timestamp.from(clock.instant()), id).update();
        }
    }

    private static Long subscriberNumber(String subscriberId) {
        try {
            return subscriberId == null ? null : Long.valueOf(subscriberId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String bounded(String subject) {
        return subject == null ? "" : subject.length() > 500 ? subject.substring(0, 500) : subject;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
