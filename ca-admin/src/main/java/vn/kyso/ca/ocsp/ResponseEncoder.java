package vn.kyso.ca.ocsp;

import java.io.IOException;
import java.security.SignatureException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.RespID;

/**
 * Writes signed OCSP responses (RFC 6960 4.2.1) as DER. What is the same in every response of one
 * responder certificate (responder id, signature algorithm, the certificate itself) is encoded
 * once; per response only the times, the single responses and the nonce are written, and the
 * to-be-signed bytes go once through the signer. Bouncy Castle's builders encoded every response
 * twice (once to sign it, once to send it) through an object tree: with a nonce each response is
 * signed afresh, and that was the responder's largest cost after the signature itself.
 */
final class ResponseEncoder {

    private static final int SEQUENCE = 0x30;
    private static final int GENERALIZED_TIME = 0x18;
    /** OCSPResponse's first fields for a successful response: responseStatus successful (0). */
    private static final byte[] SUCCESSFUL = {0x0A, 0x01, 0x00};
    private static final byte[] GOOD = {(byte) 0x80, 0x00};
    private static final byte[] UNKNOWN = {(byte) 0x82, 0x00};

    private final byte[] responderId;
    private final byte[] signatureAlgorithm;
    private final byte[] certificates;
    private final byte[] basicType;

    /**
     * @param responderId the responder's id (by key hash)
     * @param responder   the responder certificate, sent with each response
     * @param algorithm   DER of the AlgorithmIdentifier the signer uses
     */
    ResponseEncoder(RespID responderId, X509CertificateHolder responder, byte[] algorithm) throws IOException {
        this.responderId = responderId.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        this.signatureAlgorithm = algorithm.clone();
        this.certificates = tlv(0xA0, tlv(SEQUENCE, responder.getEncoded()));
        this.basicType = OCSPObjectIdentifiers.id_pkix_ocsp_basic.getEncoded(ASN1Encoding.DER);
    }

    /** One SingleResponse's data: the request's CertID as it came, and its status. */
    record Single(byte[] certId, byte[] status) {
    }

    /** CertStatus good: [0] IMPLICIT NULL. */
    static byte[] good() {
        return GOOD;
    }

    /** CertStatus unknown: [2] IMPLICIT NULL. */
    static byte[] unknown() {
        return UNKNOWN;
    }

    /** CertStatus revoked: [1] IMPLICIT RevokedInfo { revocationTime, [0] EXPLICIT CRLReason }. */
    static byte[] revoked(Instant time, int reason) {
        return tlv(0xA1, time(time), tlv(0xA0, new byte[] {0x0A, 0x01, (byte) reason}));
    }

    /**
     * A whole OCSPResponse (status successful, a BasicOCSPResponse) for these answers.
     *
     * @param extensions DER of the responseExtensions' Extensions (the echoed nonce), or null
     * @param signer     signs with the responder's key and the algorithm given at construction
     */
    byte[] encode(List<Single> singles, Instant producedAt, Instant nextUpdate, byte[] extensions,
                  SignaturePool signer) throws IOException, SignatureException {
        byte[] thisUpdate = time(producedAt);
        byte[] next = tlv(0xA0, time(nextUpdate));
        byte[][] responses = new byte[singles.size()][];
        for (int i = 0; i < responses.length; i++) {
            Single s = singles.get(i);
            responses[i] = tlv(SEQUENCE, s.certId(), s.status(), thisUpdate, next);
        }
        byte[] tbs = tlv(SEQUENCE, responderId, thisUpdate, tlv(SEQUENCE, responses),
                extensions == null ? new byte[0] : tlv(0xA1, extensions));
        byte[] signature = signer.sign(tbs);
        byte[] bits = new byte[signature.length + 1]; // BIT STRING: no unused bits, then the value
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] basic = tlv(SEQUENCE, tbs, signatureAlgorithm, tlv(0x03, bits), certificates);
        byte[] responseBytes = tlv(SEQUENCE, basicType, tlv(0x04, basic));
        return tlv(SEQUENCE, SUCCESSFUL, tlv(0xA0, responseBytes));
    }

    /** GeneralizedTime YYYYMMDDHHMMSSZ (RFC 5280 4.1.2.5.2: UTC, whole seconds). */
    static byte[] time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        byte[] out = new byte[17];
        out[0] = GENERALIZED_TIME;
        out[1] = 15;
        int year = t.getYear();
        digits(out, 2, year / 100);
        digits(out, 4, year % 100);
        digits(out, 6, t.getMonthValue());
        digits(out, 8, t.getDayOfMonth());
        digits(out, 10, t.getHour());
        digits(out, 12, t.getMinute());
        digits(out, 14, t.getSecond());
        out[16] = 'Z';
        return out;
    }

    private static void digits(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
    }

    /** Tag, DER length, then the parts' bytes. */
    static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        int octets = length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
        byte[] out = new byte[2 + octets + length];
        out[0] = (byte) tag;
        if (octets == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | octets);
            for (int i = 0; i < octets; i++) {
                out[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
            }
        }
        int at = 2 + octets;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
