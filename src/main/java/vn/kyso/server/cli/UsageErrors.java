package vn.kyso.server.cli;

import java.util.stream.Collectors;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns picocli's (English) parse errors into one localized line. */
final class UsageErrors {

    private UsageErrors() {
    }

    static String describe(ParameterException e, Messages messages) {
        if (e instanceof MissingParameterException missing) {
            return messages.get("parse.missing", missing.getMissing().stream().map(UsageErrors::name)
                    .collect(Collectors.joining(", ")));
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            // Only option names are echoed, cut at '=': someone who types "--password=..." (an
            // option that does not exist on purpose) must not see the value printed back.
            String options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                    .collect(Collectors.joining(" "));
            return options.isEmpty() ? messages.get("parse.tooMany") : messages.get("parse.unknown", options);
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return messages.get("parse.badValue", name(e.getArgSpec()), e.getValue());
        }
        return messages.get("parse.other", e.getMessage());
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }
}
