package vn.kyso.server.signing;

/**
 * The fields that name a key on a remote-signing service (the API and the console post the same
 * names): {@code remoteService} (an id of {@code kyso.signing.remote-services}), {@code credential}
 * (the credential's id on that service), and {@code remoteUser} with {@code remotePassword}, or
 * {@code remoteToken}. Never printed: the record's text names the service and credential only.
 */
public record RemoteForm(String remoteService, String credential, String remoteUser, String remotePassword,
        String remoteToken) {

    /** True when the request names a remote service at all. */
    boolean requested() {
        return remoteService != null && !remoteService.isBlank();
    }

    RemoteKeys.Login login() {
        return new RemoteKeys.Login(remoteService, credential, remoteUser, chars(remotePassword), chars(remoteToken));
    }

    private static char[] chars(String value) {
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    @Override
    public String toString() {
        return "RemoteForm[" + remoteService + ", " + credential + "]";
    }
}
