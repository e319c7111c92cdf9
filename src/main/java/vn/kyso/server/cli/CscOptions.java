package vn.kyso.server.cli;

import java.net.URI;
import java.util.function.BiFunction;

import picocli.CommandLine.Option;

/**
 * {@code kyso sign --csc URL --credential ID}: a key held by a remote-signing service that speaks
 * the CSC API v2 (kyso's own {@code /csc/v2}, or another). The service is reached with an account
 * and password ({@code auth/login}, HTTP Basic) or a bearer token it issued; the key's PIN comes
 * from {@code --pin-env}. Secrets are read from the environment only.
 */
final class CscOptions {

    @Option(names = "--csc", paramLabel = "URL", descriptionKey = "option.csc")
    String url;

    @Option(names = "--credential", paramLabel = "ID", descriptionKey = "option.credential")
    String credential;

    @Option(names = "--csc-user", paramLabel = "NAME", descriptionKey = "option.csc-user")
    String user;

    @Option(names = "--csc-password-env", paramLabel = "VAR", descriptionKey = "option.csc-password-env")
    String passwordEnv;

    @Option(names = "--csc-token-env", paramLabel = "VAR", descriptionKey = "option.csc-token-env")
    String tokenEnv;

    /** True when the command signs with a remote CSC key. */
    boolean requested() {
        return url != null || credential != null || user != null || passwordEnv != null || tokenEnv != null;
    }

    /**
     * The remote key, its secrets read through {@code secret} (environment variable, option name).
     * Exactly one way in: {@code --csc-user} with {@code --csc-password-env}, or {@code --csc-token-env}.
     */
    KeySource.Csc keySource(BiFunction<String, String, char[]> secret, String pinEnv) {
        if (url == null) {
            throw new CliFailure(ExitCodes.ERROR, "csc.urlMissing");
        }
        if (credential == null || credential.isBlank()) {
            throw new CliFailure(ExitCodes.ERROR, "csc.credentialMissing");
        }
        URI base = base(url);
        boolean byPassword = user != null || passwordEnv != null;
        if (byPassword == (tokenEnv != null)) {
            throw new CliFailure(ExitCodes.ERROR, "csc.authChooseOne");
        }
        if (byPassword && (user == null || user.isBlank())) {
            throw new CliFailure(ExitCodes.ERROR, "csc.authChooseOne");
        }
        char[] pin = secret.apply(pinEnv, "--pin-env");
        if (byPassword) {
            return new KeySource.Csc(base, credential.strip(), user, secret.apply(passwordEnv, "--csc-password-env"),
                    null, pin);
        }
        return new KeySource.Csc(base, credential.strip(), null, null, secret.apply(tokenEnv, "--csc-token-env"), pin);
    }

    /** The service's base URL (the part before {@code /credentials/...}), without a trailing slash. */
    private static URI base(String value) {
        try {
            return vn.kyso.server.csc.client.CscConnection.baseUrl(value);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.ERROR, "csc.badUrl", value);
        }
    }
}
