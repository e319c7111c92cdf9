package vn.kyso.ca;

/** Who holds end-entity certificates. */
public enum SubscriberKind {
    OFFICER, AGENCY
}
