package vn.kyso.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * An existing issuing CA to use instead of generating a hierarchy on first start.
 *
 * @param chain the issuing CA certificate first, its root last
 */
public record ImportedCa(PrivateKey issuingKey, List<X509Certificate> chain) {
    public ImportedCa {
        Objects.requireNonNull(issuingKey, "issuingKey");
        if (chain == null || chain.isEmpty()) {
            throw new CaException(CaException.ErrorCode.HIERARCHY_ERROR, "the imported CA needs its certificate chain");
        }
        chain = List.copyOf(chain);
    }
}
