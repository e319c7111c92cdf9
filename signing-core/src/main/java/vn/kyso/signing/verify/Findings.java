package vn.kyso.signing.verify;

import java.util.ArrayList;
import java.util.List;

import vn.kyso.signing.Change;
import vn.kyso.signing.ChangeKind;

/** The changes found while comparing two revisions, each judged by the signed revision's policy as it is found. */
final class Findings {

    private final ChangePolicy policy;
    private final List<Change> changes = new ArrayList<>();

    Findings(ChangePolicy policy) {
        this.policy = policy;
    }

    void add(ChangeKind kind, Integer page, String subject, String english) {
        Change change = policy.judge(kind, page, subject, english);
        if (!changes.contains(change)) {
            changes.add(change);
        }
    }

    int size() {
        return changes.size();
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }
}
