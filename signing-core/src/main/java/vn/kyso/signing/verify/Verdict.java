package vn.kyso.signing.verify;

import java.util.ArrayList;
import java.util.List;

import vn.kyso.signing.Indication;
import vn.kyso.signing.SubIndication;

/**
 * Collects the outcome of the checks on one signature or timestamp: the first failure of the
 * most severe kind decides the indication (INVALID over INDETERMINATE over VALID); every
 * failure and note is kept as a problem line.
 */
final class Verdict {

    private Indication indication = Indication.VALID;
    private SubIndication subIndication;
    private final List<String> problems = new ArrayList<>();

    void fail(Indication failure, SubIndication why, String problem) {
        if (rank(failure) > rank(indication)) {
            indication = failure;
            subIndication = why;
        }
        problems.add(problem);
    }

    void invalid(SubIndication why, String problem) {
        fail(Indication.INVALID, why, problem);
    }

    void indeterminate(SubIndication why, String problem) {
        fail(Indication.INDETERMINATE, why, problem);
    }

    /** A remark that does not change the indication (kept with the problems). */
    void note(String remark) {
        problems.add(remark);
    }

    boolean isInvalid() {
        return indication == Indication.INVALID;
    }

    boolean isValid() {
        return indication == Indication.VALID;
    }

    Indication indication() {
        return indication;
    }

    SubIndication subIndication() {
        return subIndication;
    }

    List<String> problems() {
        return problems;
    }

    private static int rank(Indication i) {
        return switch (i) {
            case VALID -> 0;
            case INDETERMINATE -> 1;
            case INVALID -> 2;
        };
    }
}
