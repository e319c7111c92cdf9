package vn.kyso.server.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.VisibleSignature;

/**
 * {@code kyso sign}: signs one file ({@code IN.pdf OUT.pdf}) or a batch ({@code --out-dir DIR
 * FILE...}) with one key opened once. Option values are plain strings parsed here so that every
 * mistake gets a localized message.
 */
@Command(name = "sign", sortOptions = false)
final class SignCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--key", paramLabel = "KEY.p12", descriptionKey = "option.key")
    Path key;

    @Option(names = "--key-password-env", paramLabel = "VAR", descriptionKey = "option.key-password-env")
    String keyPasswordEnv;

    @Option(names = "--pkcs11-library", paramLabel = "LIB.so", descriptionKey = "option.pkcs11-library")
    Path pkcs11Library;

    @Option(names = "--pkcs11-slot", paramLabel = "N", descriptionKey = "option.pkcs11-slot")
    String pkcs11Slot;

    @Option(names = "--pin-env", paramLabel = "VAR", descriptionKey = "option.pin-env")
    String pinEnv;

    @Option(names = "--level", required = true, paramLabel = "B|T|LT|LTA", descriptionKey = "option.level")
    String level;

    @Option(names = "--tsa", paramLabel = "URL", descriptionKey = "option.tsa")
    String tsa;

    @Option(names = "--digest", paramLabel = "SHA-256|SHA-384|SHA-512", descriptionKey = "option.digest")
    String digest;

    @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "option.reason")
    String reason;

    @Option(names = "--location", paramLabel = "TEXT", descriptionKey = "option.location")
    String location;

    @Option(names = "--certify", paramLabel = "P1|P2|P3", descriptionKey = "option.certify")
    String certify;

    @Mixin
    VisibleOptions visible;

    @Mixin
    CscOptions csc;

    @Option(names = "--out-dir", paramLabel = "DIR", descriptionKey = "option.out-dir")
    Path outDir;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "param.sign-files")
    List<Path> files;

    private final Messages messages;
    private final Terminal terminal;
    private final Backends backends;

    SignCommand(Messages messages, Terminal terminal, Backends backends) {
        this.messages = messages;
        this.terminal = terminal;
        this.backends = backends;
    }

    @Override
    public Integer call() {
        List<SigningBatch.Job> jobs = plan();
        PadesLevel padesLevel = parseLevel();
        DigestAlgorithm digestAlgorithm = parseDigest();
        URI tsaUrl = parseTsa(padesLevel);
        Integer certification = parseCertify();
        VisibleSignature layout = visible.toSpec();
        KeySource keySource = csc.requested() ? cscKeySource() : keySource();
        DocumentSigner signer;
        try {
            SignSettings settings = new SignSettings(keySource, padesLevel, digestAlgorithm, tsaUrl, reason, location,
                    certification, layout, terminal.clock());
            signer = keySource instanceof KeySource.Csc ? CscSigner.open(settings, jobs)
                    : backends.signers().apply(settings);
        } finally {
            keySource.wipe();
        }
        try (signer) {
            return new SigningBatch(messages, terminal, common.debug).run(signer, jobs);
        }
    }

    /** One job per input: {@code IN OUT}, or every file into {@code --out-dir} under its own name. */
    private List<SigningBatch.Job> plan() {
        return OutputPlan.jobs(files, outDir, "sign.outputMissing");
    }

    private PadesLevel parseLevel() {
        try {
            return PadesLevel.parse(level);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.ERROR, "sign.badLevel", level);
        }
    }

    private DigestAlgorithm parseDigest() {
        if (digest == null) {
            return DigestAlgorithm.SHA256;
        }
        try {
            return DigestAlgorithm.parse(digest);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.ERROR, "sign.badDigest", digest);
        }
    }

    private URI parseTsa(PadesLevel padesLevel) {
        if (tsa == null) {
            if (padesLevel.atLeast(PadesLevel.B_T)) {
                throw new CliFailure(ExitCodes.ERROR, "sign.tsaMissing", padesLevel.shortName());
            }
            return null;
        }
        return OutputPlan.tsa(tsa);
    }

    private Integer parseCertify() {
        if (certify == null) {
            return null;
        }
        return switch (certify.strip().toUpperCase(Locale.ROOT)) {
            case "P1", "1" -> 1;
            case "P2", "2" -> 2;
            case "P3", "3" -> 3;
            default -> throw new CliFailure(ExitCodes.ERROR, "sign.badCertify", certify);
        };
    }

    /** The key file or token, with its secret read from the environment (never from an argument). */
    private KeySource keySource() {
        if ((key == null) == (pkcs11Library == null)) {
            throw new CliFailure(ExitCodes.ERROR, "key.chooseOne");
        }
        if (key != null) {
            if (!Files.isRegularFile(key) || !Files.isReadable(key)) {
                throw new CliFailure(ExitCodes.ERROR, "key.fileNotFound", key);
            }
            return new KeySource.Pkcs12(key, secret(keyPasswordEnv, "--key-password-env"));
        }
        if (!Files.isRegularFile(pkcs11Library)) {
            throw new CliFailure(ExitCodes.ERROR, "key.libraryNotFound", pkcs11Library);
        }
        int slot = 0;
        if (pkcs11Slot != null) {
            try {
                slot = Integer.parseInt(pkcs11Slot.strip());
                if (slot < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new CliFailure(ExitCodes.ERROR, "parse.badValue", "--pkcs11-slot", pkcs11Slot);
            }
        }
        return new KeySource.Pkcs11(pkcs11Library, slot, secret(pinEnv, "--pin-env"));
    }

    /** A remote key over the CSC API (issue 15): not together with a local key. */
    private KeySource cscKeySource() {
        if (key != null || pkcs11Library != null) {
            throw new CliFailure(ExitCodes.ERROR, "csc.withLocalKey");
        }
        return csc.keySource(this::secret, pinEnv);
    }

    /**
     * The secret in the environment variable named by {@code option}. Messages name the option,
     * not the variable: a user who typed the password itself after the option must not see it
     * printed back.
     */
    private char[] secret(String variable, String option) {
        if (variable == null) {
            throw new CliFailure(ExitCodes.ERROR, "secret.optionMissing", option);
        }
        String value = terminal.env().get(variable);
        if (value == null || value.isEmpty()) {
            throw new CliFailure(ExitCodes.ERROR, "secret.notSet", option);
        }
        return value.toCharArray();
    }
}
