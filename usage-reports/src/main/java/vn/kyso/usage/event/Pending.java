package vn.kyso.usage.event;

import java.time.LocalDate;

import vn.kyso.usage.UsageEvent;
import vn.kyso.usage.inventory.CertificateInventory.Known;

/** An event about to be stored: its once-only key, its certificate's row and its calendar day. */
record Pending(byte[] key, UsageEvent event, Known known, LocalDate day) implements Comparable<Pending> {

    /** Unsigned byte order: the order every writer takes the unique-key locks in. */
    @Override
    public int compareTo(Pending o) {
        return java.util.Arrays.compareUnsigned(key, o.key);
    }
}
