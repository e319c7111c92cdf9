package vn.kyso.server.security;

import java.util.Optional;

/**
 * How the accounts page names the CA subscriber an account acts as (declared here, implemented
 * by the CA's side of the service): an admin reads "Nguyễn Văn A, Sở Tư pháp", not an id.
 */
public interface SubscriberNames {

    /** The subscriber's name and unit, empty when the id names none. */
    Optional<String> describe(String subscriberId);
}
