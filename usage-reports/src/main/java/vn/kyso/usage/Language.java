package vn.kyso.usage;

/** The language of user-facing text in reports and exports: Vietnamese by default. */
public enum Language {
    VI, EN
}
