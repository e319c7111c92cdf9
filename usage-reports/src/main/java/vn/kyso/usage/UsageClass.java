package vn.kyso.usage;

/** How a certificate was used in a period, under a {@link RegularUsePolicy}. */
public enum UsageClass {
    REGULAR, OCCASIONAL, DORMANT, NEVER_USED
}
