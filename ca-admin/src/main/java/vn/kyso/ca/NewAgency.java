package vn.kyso.ca;

/**
 * An agency (cơ quan) to register, for its seal certificate.
 *
 * @param mst      tax code: 10 digits, or 10 digits, a hyphen and 3 digits for a branch
 * @param email    optional
 */
public record NewAgency(String name, String parentBody, String mst, String email, String unitCode) {
    public NewAgency {
        Checks.text(name, "name", 255);
        Checks.text(parentBody, "parentBody", 255);
        Checks.digits(mst, "MST", "\\d{10}(-\\d{3})?");
        Checks.email(email, false);
        Checks.text(unitCode, "unitCode", 32);
    }
}
