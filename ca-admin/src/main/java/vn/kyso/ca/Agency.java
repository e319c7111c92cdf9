package vn.kyso.ca;

/** A registered agency. */
public record Agency(long id, String name, String parentBody, String mst, String email, Unit unit)
        implements Subscriber {

    @Override
    public SubscriberKind kind() {
        return SubscriberKind.AGENCY;
    }

    @Override
    public String displayName() {
        return name;
    }
}
