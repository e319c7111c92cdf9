package vn.kyso.server.csc;

import java.util.Arrays;

import eu.europa.esig.dss.cms.CMS;
import eu.europa.esig.dss.cms.object.CMSObjectUtils;

/**
 * EU DSS 6.4 (built on Bouncy Castle 1.83) reads a PDF signature's {@code /Contents} with its zero
 * padding; kyso runs Bouncy Castle 1.87, whose CMS parser refuses bytes after the object ("Extra
 * data detected in stream"). This test-only stand-in gives DSS the CMS object alone, cut at the
 * length its own DER header states, so DSS can read PDFs (its own and kyso's) on kyso's class path.
 * Registered first in {@code META-INF/services/eu.europa.esig.dss.cms.ICMSUtils} of the tests.
 */
public class PaddedCmsUtils extends CMSObjectUtils {

    @Override
    public CMS parseToCMS(byte[] binaries) {
        return super.parseToCMS(withoutPadding(binaries));
    }

    static byte[] withoutPadding(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return der;
        }
        int first = der[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 4 || der.length < 2 + octets) {
                return der; // indefinite or absurd: leave it to the parser to judge
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            header = 2 + octets;
        }
        long total = header + length;
        return total < der.length ? Arrays.copyOf(der, (int) total) : der;
    }
}
