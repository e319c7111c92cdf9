package vn.kyso.usage.units;

import java.util.Objects;

import vn.kyso.usage.UnitHistory;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;

/**
 * The module's view of the province's dated unit directory, read through the {@link UnitHistory}
 * port (the CA owns the units; nothing of them is stored here).
 */
public final class UnitDirectory {

    private final UnitHistory source;
    /** The last tree read: checks of a unit code reuse it and read again only for a code it lacks. */
    private volatile UnitTree last;

    public UnitDirectory(UnitHistory source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The directory as it stands now (one read of the port). */
    public UnitTree tree() {
        UnitTree tree = UnitTree.of(source.units());
        last = tree;
        return tree;
    }

    /** UNKNOWN_UNIT unless some period of the directory has this code. */
    public void requireCode(String code) {
        UnitTree tree = last;
        if ((tree == null || !tree.knows(code)) && !tree().knows(code)) {
            throw new UsageException(ErrorCode.UNKNOWN_UNIT, "no unit with code " + code);
        }
    }
}
