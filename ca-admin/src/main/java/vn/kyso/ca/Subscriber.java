package vn.kyso.ca;

/** A holder of end-entity certificates. */
public sealed interface Subscriber permits Officer, Agency {

    long id();

    SubscriberKind kind();

    Unit unit();

    /** The name shown in lists: the officer's full name or the agency's name. */
    String displayName();
}
