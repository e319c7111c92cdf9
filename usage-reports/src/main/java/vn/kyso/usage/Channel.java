package vn.kyso.usage;

/** Where a signature kyso made was asked for. */
public enum Channel {
    WEB, API, CLI
}
