package vn.kyso.ca;

/**
 * An officer (cán bộ) to register.
 *
 * @param cccd     12-digit citizen identity number
 * @param unitCode code of the unit the officer works in, as it exists today
 */
public record NewOfficer(String fullName, String positionTitle, String cccd, String email, String unitCode) {
    public NewOfficer {
        Checks.text(fullName, "fullName", 255);
        Checks.text(positionTitle, "positionTitle", 255);
        Checks.digits(cccd, "CCCD", "\\d{12}");
        Checks.email(email, true);
        Checks.text(unitCode, "unitCode", 32);
    }
}
