package vn.kyso.ca.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Serials are stored and looked up as hex text: the fast writer must agree with BigInteger's own. */
class SerialHexTest {

    @Test
    void everySerialIsWrittenAsBigIntegerWritesIt() {
        List<BigInteger> serials = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                BigInteger.TEN, BigInteger.valueOf(15), BigInteger.valueOf(16), BigInteger.valueOf(127),
                BigInteger.valueOf(128), BigInteger.valueOf(255), BigInteger.valueOf(256), BigInteger.valueOf(-1),
                BigInteger.valueOf(-255), BigInteger.ONE.shiftLeft(159), BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE),
                new BigInteger("0123456789ABCDEF", 16), new BigInteger("-80", 16)));
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            int bits = 1 + random.nextInt(168);
            BigInteger serial = new BigInteger(bits, new java.util.Random(random.nextLong()));
            serials.add(serial);
            serials.add(serial.negate());
        }
        for (BigInteger serial : serials) {
            assertThat(CertificateRegister.hex(serial)).as(serial.toString()).isEqualTo(serial.toString(16));
        }
    }
}
