package vn.kyso.ca.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

import vn.kyso.ca.hierarchy.SigningCredential;

/**
 * The responder's lazy parse of requests against Bouncy Castle's whole parse: on valid requests
 * and on many damaged ones, both accept the same requests and read the same CertIDs and
 * extensions from them; what one refuses (malformed), the other refuses too.
 */
class RequestParsingTest {

    @Test
    void theLazyParseAcceptsAndReadsExactlyWhatTheWholeParseDoes() throws Exception {
        List<byte[]> seeds = seeds();
        SplittableRandom random = new SplittableRandom(6960);
        int accepted = 0;
        int refused = 0;
        for (byte[] seed : seeds) {
            assertSame(seed);
            for (int i = 0; i < 3_000; i++) {
                byte[] damaged = damage(seed, random);
                if (assertSame(damaged)) {
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(accepted).isPositive();
        assertThat(refused).isPositive();
    }

    /** Returns whether the request was accepted. */
    private static boolean assertSame(byte[] der) throws Exception {
        String whole;
        String lazy;
        try {
            whole = read(new OCSPReq(der));
        } catch (Exception | StackOverflowError e) {
            whole = null;
        }
        try {
            lazy = read(OcspResponder.parse(der));
        } catch (Exception | StackOverflowError e) {
            lazy = null;
        }
        assertThat(lazy).as(org.bouncycastle.util.encoders.Hex.toHexString(der)).isEqualTo(whole);
        return whole != null;
    }

    /** What the responder reads from a request, as text. */
    private static String read(OCSPReq request) throws Exception {
        StringBuilder out = new StringBuilder();
        Req[] list = request.getRequestList();
        for (Req req : list) {
            CertificateID id = req.getCertID();
            out.append(org.bouncycastle.util.encoders.Hex.toHexString(id.toASN1Primitive().getEncoded(ASN1Encoding.DER)))
                    .append(' ').append(id.getSerialNumber()).append(' ').append(id.getHashAlgOID()).append('\n');
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        out.append(nonce == null ? "no nonce" : org.bouncycastle.util.encoders.Hex.toHexString(nonce.getEncoded()));
        out.append(' ').append(request.getExtensionOIDs()).append(' ').append(request.isSigned());
        return out.toString();
    }

    private static byte[] damage(byte[] seed, SplittableRandom random) {
        byte[] out = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            default -> {
                int at = random.nextInt(out.length);
                out[at] = (byte) random.nextInt(256);
                out[random.nextInt(out.length)] = out[at];
            }
        }
        return out;
    }

    private static List<byte[]> seeds() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=requestor");
        Instant now = Instant.now();
        X509CertificateHolder cert = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic())
                .build(SigningCredential.contentSigner(pair.getPrivate(), pair.getPublic(), null));
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        CertificateID one = new CertificateID(sha1, cert, new BigInteger("457576C0B40113C88DDCFFB460F63A61", 16));
        CertificateID two = new CertificateID(sha1, cert, BigInteger.valueOf(255));
        Extensions nonce = new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new DEROctetString(new byte[16]).getEncoded())));
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(new OCSPReqBuilder().addRequest(one).setRequestExtensions(nonce).build().getEncoded());
        seeds.add(new OCSPReqBuilder().addRequest(one).addRequest(two, nonce).build().getEncoded());
        seeds.add(new OCSPReqBuilder().addRequest(one).setRequestorName(new GeneralName(name)).build().getEncoded());
        seeds.add(new OCSPReqBuilder().addRequest(two).setRequestExtensions(nonce).setRequestorName(new GeneralName(name))
                .build(SigningCredential.contentSigner(pair.getPrivate(), pair.getPublic(), null),
                        new X509CertificateHolder[] {cert}).getEncoded());
        return seeds;
    }
}
