package vn.kyso.server.cli;

import picocli.CommandLine.Option;

/** Options every command takes. {@code --lang} is read before parsing too (see {@link Messages}). */
final class CommonOptions {

    @Option(names = "--lang", paramLabel = "vi|en", descriptionKey = "option.lang")
    String lang;

    @Option(names = "--debug", descriptionKey = "option.debug")
    boolean debug;

    @Option(names = { "-h", "--help" }, usageHelp = true, descriptionKey = "option.help")
    boolean help;
}
