package vn.kyso.ca;

/** A registered officer. */
public record Officer(long id, String fullName, String positionTitle, String cccd, String email, Unit unit)
        implements Subscriber {

    @Override
    public SubscriberKind kind() {
        return SubscriberKind.OFFICER;
    }

    @Override
    public String displayName() {
        return fullName;
    }
}
