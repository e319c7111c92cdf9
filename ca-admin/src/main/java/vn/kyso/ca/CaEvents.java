package vn.kyso.ca;

/**
 * Port through which the CA tells the rest of the service what happened; the service
 * implements it (for example with Spring's ApplicationEventPublisher). Called after commit, on
 * the caller's thread; an implementation must be fast (the OCSP responder calls it per request)
 * and must not throw.
 */
@FunctionalInterface
public interface CaEvents {

    /** A port that drops every event. */
    CaEvents NONE = event -> { };

    void publish(CaEvent event);
}
