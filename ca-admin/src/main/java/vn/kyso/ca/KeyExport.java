package vn.kyso.ca;

/** Where a custody key stands with its one PKCS#12 export. */
public enum KeyExport {
    /** Policy allows the export and it was not made yet. */
    AVAILABLE,
    /** {@code kyso.ca.custody.export-allowed} is off, or the key was issued without allowing export. */
    NOT_ALLOWED,
    /** The one export was made already. */
    DONE
}
