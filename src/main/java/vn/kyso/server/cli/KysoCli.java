package vn.kyso.server.cli;

import java.io.PrintWriter;
import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import vn.kyso.signing.SigningException;

/**
 * The command line ({@code kyso sign}, {@code kyso verify}). It runs without the Spring context
 * (an architecture test keeps Spring out of this package) so that it starts quickly. Every
 * failure ends as one localized line on stderr and an exit code (see {@link ExitCodes}); a stack
 * trace only with {@code --debug}.
 */
public final class KysoCli {

    private KysoCli() {
    }

    /** The word that starts the service explicitly ({@code java -jar kyso.jar serve [--demo]}). */
    public static final String SERVE = "serve";

    /**
     * Whether these arguments start the service rather than a CLI command: no command word at
     * all (the bare jar, or only Spring Boot's {@code --name=value} settings, {@code --demo},
     * {@code --debug}) or the word {@code serve}. Any other word goes to the CLI, which runs it or
     * refuses it with the usage and exit code 2: a typo never starts a CA in the working folder.
     */
    public static boolean startsService(String[] args) {
        String word = commandWord(args);
        if (word == null) {
            return Arrays.stream(args).noneMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version"));
        }
        return word.equals(SERVE);
    }

    /** The arguments to start the service with: {@code serve} taken out. */
    public static String[] serviceArguments(String[] args) {
        return Arrays.stream(args).filter(a -> !a.equals(SERVE)).toArray(String[]::new);
    }

    /** The first argument that is not an option ({@code --lang X} takes its value along). */
    private static String commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    /** The CLI as a process of its own (the JVM that maps the class-data-sharing archive). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command on the process's own streams and returns the exit code. */
    public static int run(String[] args) {
        // picocli looks for Groovy's Closure class when it starts; under Spring Boot's nested-jar
        // class loader that miss opens and searches every jar of the application (~0.1 s).
        System.setProperty("picocli.disable.closures", "true");
        if (!Arrays.asList(args).contains("--debug")) {
            // The libraries (PDFBox, via commons-logging) log through SLF4J to Logback, whose
            // unconfigured default prints DEBUG lines to the console and costs start-up time.
            // Outside Spring nobody configures it, so the CLI silences logging unless --debug.
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        return run(args, Terminal.system());
    }

    /** Runs the command on {@code terminal} (tests run commands in-process this way). */
    public static int run(String[] args, Terminal terminal) {
        return run(args, terminal, Backends.library());
    }

    static int run(String[] args, Terminal terminal, Backends backends) {
        String language = Messages.requestedLanguage(args, terminal.env());
        Messages messages = Messages.of(language);
        boolean debug = Arrays.asList(args).contains("--debug");
        if (!Messages.isSupported(language)) {
            terminal.err().println(messages.get("line.error", messages.get("lang.unknown", language)));
            return ExitCodes.ERROR;
        }
        try {
            return commandLine(messages, terminal, backends).execute(args);
        } catch (RuntimeException | LinkageError e) {
            // Anything picocli itself let through: still one line, never a stack trace by default.
            return reportUnexpected(e, messages, terminal, debug);
        }
    }

    private static CommandLine commandLine(Messages messages, Terminal terminal, Backends backends) {
        CommandLine cl = new CommandLine(new Root());
        cl.addSubcommand("sign", new SignCommand(messages, terminal, backends));
        cl.addSubcommand("verify", new VerifyCommand(messages, terminal, backends));
        cl.addSubcommand("extend", new ExtendCommand(messages, terminal));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setResourceBundle(messages.bundle());
        cl.getCommandSpec().version(version());
        cl.getCommandSpec().usageMessage().description(messages.get("command.root"))
                .footer(messages.get("command.serve"));
        cl.getSubcommands().get("sign").getCommandSpec().usageMessage().description(messages.get("command.sign"));
        cl.getSubcommands().get("verify").getCommandSpec().usageMessage().description(messages.get("command.verify"));
        cl.getSubcommands().get("extend").getCommandSpec().usageMessage().description(messages.get("command.extend"));
        // picocli's help command lists itself by its (English) header: replace both.
        cl.getSubcommands().get("help").getCommandSpec().usageMessage().header(messages.get("command.help"))
                .description(messages.get("command.help"));
        cl.setOut(new PrintWriter(terminal.out(), true));
        cl.setErr(new PrintWriter(terminal.err(), true));
        cl.setParameterExceptionHandler((e, args) -> reportUsageError(e, messages, terminal));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> reportFailure(e, messages, terminal,
                Arrays.asList(parseResult.originalArgs().toArray(String[]::new)).contains("--debug")));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int reportUsageError(ParameterException e, Messages messages, Terminal terminal) {
        CommandLine at = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && at.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            // "kyso.jar verfy x.pdf": name the word (cut short: it is whatever the caller typed), then the usage.
            String word = unmatched.getUnmatched().get(0);
            word = word.length() > 40 ? word.substring(0, 40) + "…" : word;
            terminal.err().println(messages.get("line.error", messages.get("command.unknown", word)));
            at.usage(terminal.err());
            return ExitCodes.ERROR;
        }
        String command = at.getCommandSpec().qualifiedName();
        terminal.err().println(messages.get("line.error",
                messages.get("line.seeHelp", UsageErrors.describe(e, messages), command)));
        return ExitCodes.ERROR;
    }

    /** One line for a failure that escaped a command: input problems, library errors, bugs. */
    static int reportFailure(Exception e, Messages messages, Terminal terminal, boolean debug) {
        if (e instanceof CliFailure failure) {
            terminal.err().println(messages.get("line.error", failure.describe(messages)));
            return failure.exitCode();
        }
        if (e instanceof SigningException se) {
            terminal.err().println(messages.get("line.error", SigningErrors.describe(se, messages)));
            if (debug) {
                se.printStackTrace(terminal.err());
            }
            return ExitCodes.ERROR;
        }
        return reportUnexpected(e, messages, terminal, debug);
    }

    private static int reportUnexpected(Throwable e, Messages messages, Terminal terminal, boolean debug) {
        terminal.err().println(messages.get("line.error", messages.get("error.unexpected", e.getClass().getSimpleName())));
        if (debug) {
            e.printStackTrace(terminal.err());
        }
        return ExitCodes.ERROR;
    }

    private static String version() {
        String v = KysoCli.class.getPackage().getImplementationVersion();
        return v == null ? "kyso" : "kyso " + v;
    }

    @Command(name = "kyso", synopsisSubcommandLabel = "(serve | sign | verify | extend | help)")
    static final class Root implements Runnable {

        @picocli.CommandLine.Mixin
        CommonOptions common;

        @Option(names = "--version", versionHelp = true, descriptionKey = "option.version")
        boolean version;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Root() {
        }

        @Override
        public void run() {
            // "kyso" alone with a CLI flag the launcher recognised: show what there is.
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
