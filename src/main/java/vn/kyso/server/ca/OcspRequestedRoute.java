package vn.kyso.server.ca;

import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CaEvents;
import vn.kyso.ca.OcspRequested;

/**
 * The CA's {@link OcspRequested} events, one per OCSP answer, go straight to the one consumer that
 * attached itself (the usage module's CHECKED counter) instead of through Spring's event
 * multicaster: building the payload event's generic type, looking its listeners up and calling
 * the listener method by reflection was about a sixth of the responder's Java samples (JFR, issue 16).
 * Same thread, same moment, same method as the multicaster would call. Until a consumer attaches,
 * and for every other event of the CA, events are Spring application events as before.
 */
@Component
public class OcspRequestedRoute {

    private volatile Consumer<OcspRequested> consumer;

    /** From now on, OCSP requests go to {@code target} only, not to Spring's listeners. */
    public synchronized void attach(Consumer<OcspRequested> target) {
        if (consumer != null) {
            throw new IllegalStateException("OCSP requests already go to " + consumer);
        }
        consumer = target;
    }

    /** The CA's events port: OCSP requests to the attached consumer, the rest to {@code publisher}. */
    CaEvents events(ApplicationEventPublisher publisher) {
        return event -> {
            Consumer<OcspRequested> target = consumer;
            if (target != null && event instanceof OcspRequested requested) {
                target.accept(requested);
            } else {
                publisher.publishEvent(event);
            }
        };
    }
}
