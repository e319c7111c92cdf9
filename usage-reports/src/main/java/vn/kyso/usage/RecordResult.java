package vn.kyso.usage;

/**
 * What recording a batch of events did.
 *
 * @param recorded             events stored for the first time
 * @param duplicates           events already known (the same signature, or the same reference)
 * @param newCertificates      certificates not in the inventory, registered on the way as UNKNOWN
 */
public record RecordResult(int recorded, int duplicates, int newCertificates) {

    public RecordResult {
        if (recorded < 0 || duplicates < 0 || newCertificates < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    public RecordResult plus(RecordResult other) {
        return new RecordResult(recorded + other.recorded, duplicates + other.duplicates,
                newCertificates + other.newCertificates);
    }
}
