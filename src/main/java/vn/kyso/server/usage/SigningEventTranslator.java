package vn.kyso.server.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.kyso.server.signing.DocumentSigned;
import vn.kyso.server.verification.DocumentVerified;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.Channel;
import vn.kyso.usage.UsageEvent;
import vn.kyso.usage.UsageReports;

/**
 * Translates the service's signing and verification events into usage events: a signature made
 * is SIGNED (with channel, level and duration), a failed attempt only moves the meters, each
 * verified signature is VERIFIED. Counting never fails the signing that was counted, except
 * one published inside a transaction: the usage event joins it, and a failure rolls both back.
 */
@Component
class SigningEventTranslator {

    private static final Logger log = LoggerFactory.getLogger(SigningEventTranslator.class);

    private final UsageReports usage;

    SigningEventTranslator(UsageReports usage) {
        this.usage = usage;
    }

    @EventListener
    void signed(DocumentSigned event) {
        if (event.certificateIssuer() == null || event.certificateSerial() == null) {
            return;
        }
        try {
            CertificateRef ref = new CertificateRef(event.certificateIssuer(), event.certificateSerial());
            Channel channel = event.channel() == DocumentSigned.Channel.WEB ? Channel.WEB : Channel.API;
            if (event.outcome() == DocumentSigned.Outcome.SIGNED) {
                usage.record(UsageEvent.signed(ref, event.at(), event.documentSha256(), event.signatureField(), channel,
                        event.level(), event.duration(), event.signatureId()));
            } else {
                usage.signingFailed(ref, channel, event.level(), event.duration());
            }
        } catch (RuntimeException e) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                // published inside the signer's transaction (batch jobs, which store the signed
                // document in it): the count and the document commit or roll back together
                throw e;
            }
            log.warn("Signing not counted: {}", e.toString());
        }
    }

    @EventListener
    void verified(DocumentVerified event) {
        if (event.signerCertificate() == null) {
            return; // not intact: it proves no use of any certificate
        }
        try {
            usage.verified(event.signerCertificate(), event.at(), event.documentSha256(), event.signatureField(),
                    event.signatureId());
        } catch (RuntimeException e) {
            log.warn("Verification not counted: {}", e.toString());
        }
    }
}
