package vn.kyso.usage.snapshot;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.usage.SnapshotSigner;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;

/** A detached CMS SignedData over a snapshot, SHA-256 with the key's RSA or ECDSA. */
public final class CmsSnapshotSigner implements SnapshotSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public CmsSnapshotSigner(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate is missing");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    @Override
    public byte[] sign(byte[] content) {
        try {
            String algorithm = key.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(key), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new UsageException(ErrorCode.IO_ERROR, "cannot sign the report snapshot", e);
        }
    }
}
