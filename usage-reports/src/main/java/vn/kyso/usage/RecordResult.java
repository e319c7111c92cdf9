package vn.kyso.usage;

/**
 * What recording a batch of events did.
 *
 * @param recorded             events stored for the first time
 * @param duplicates           events already known (the same signature, or the same reference)
 * @param notInInventory       events left out because their certificate is not in the inventory
 *                             (events never add certificates; the CA and imports do)
 */
public record RecordResult(int recorded, int duplicates, int notInInventory) {

    public RecordResult {
        if (recorded < 0 || duplicates < 0 || notInInventory < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    public RecordResult plus(RecordResult other) {
        return new RecordResult(recorded + other.recorded, duplicates + other.duplicates,
                notInInventory + other.notInInventory);
    }
}
