package vn.kyso.ca.tsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.testing.Concurrently;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class TimeStampAuthorityTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void opensslVerifiesTimestampsForSha256To512WithNonceAndPolicy(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        Path data = Files.writeString(dir.resolve("data.txt"), "Quyết định số 123/QĐ-UBND", StandardCharsets.UTF_8);
        Path chain = Openssl.pem(dir, "chain.pem", t.ca.issuingCertificate(), t.ca.rootCertificate());
        Path tsaCert = Openssl.pem(dir, "tsa.pem", t.ca.tsaCertificate());
        for (String hash : new String[] {"sha256", "sha384", "sha512"}) {
            Path query = dir.resolve(hash + ".tsq");
            Openssl.Result q = Openssl.run(dir, "openssl", "ts", "-query", "-data", data.toString(), "-" + hash,
                    "-cert", "-out", query.toString());
            assertThat(q.exit()).as(q.output()).isZero();
            Path reply = Openssl.write(dir, hash + ".tsr", t.ca.timestamp(Files.readAllBytes(query)));

            Openssl.Result verify = Openssl.run(dir, "openssl", "ts", "-verify", "-queryfile", query.toString(),
                    "-in", reply.toString(), "-CAfile", chain.toString(), "-untrusted", tsaCert.toString());
            assertThat(verify.output()).as(hash).contains("Verification: OK");
            Openssl.Result text = Openssl.run(dir, "openssl", "ts", "-reply", "-in", reply.toString(), "-text");
            assertThat(text.output()).contains("Status: Granted", "Policy OID: " + t.settings.responders().tsaPolicyOid(),
                    "Nonce: 0x", "Accuracy: 0x01 seconds");
        }
        String serialA = serialOf(Openssl.run(dir, "openssl", "ts", "-reply", "-in",
                dir.resolve("sha256.tsr").toString(), "-text").output());
        String serialB = serialOf(Openssl.run(dir, "openssl", "ts", "-reply", "-in",
                dir.resolve("sha384.tsr").toString(), "-text").output());
        assertThat(serialA).isNotEqualTo(serialB);
    }

    @DatabaseTest
    void aThousandTimestampsFromFourThreadsHaveAThousandSerials(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now()); // the clock stands still: a serial made of time repeats
        Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
        AtomicInteger granted = new AtomicInteger();
        Concurrently.onThreads(4, thread -> {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 250; i++) {
                TimeStampRequest request = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256,
                        sha256.digest(("Công văn " + thread + "/" + i).getBytes(StandardCharsets.UTF_8)),
                        BigInteger.valueOf(thread * 1000L + i));
                TimeStampResponse response = new TimeStampResponse(t.ca.timestamp(request.getEncoded()));
                response.validate(request); // granted, for this imprint and nonce
                serials.add(response.getTimeStampToken().getTimeStampInfo().getSerialNumber());
                granted.incrementAndGet();
            }
        });
        assertThat(granted).hasValue(1000);
        assertThat(serials).hasSize(1000).allSatisfy(serial -> {
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(127); // at most 16 octets in DER
        });
    }

    @DatabaseTest
    void badRequestsGetTheRejectionStatus(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        assertRejected(t.ca.timestamp(new byte[0]), PKIFailureInfo.badDataFormat);
        assertRejected(t.ca.timestamp("not a request".getBytes(StandardCharsets.US_ASCII)), PKIFailureInfo.badDataFormat);

        Path data = Files.writeString(dir.resolve("d.txt"), "x");
        Path sha1 = dir.resolve("sha1.tsq");
        Openssl.run(dir, "openssl", "ts", "-query", "-data", data.toString(), "-sha1", "-out", sha1.toString());
        assertRejected(t.ca.timestamp(Files.readAllBytes(sha1)), PKIFailureInfo.badAlg);

        Path policy = dir.resolve("policy.tsq");
        Openssl.run(dir, "openssl", "ts", "-query", "-data", data.toString(), "-sha256", "-tspolicy", "1.2.3.4",
                "-out", policy.toString());
        assertRejected(t.ca.timestamp(Files.readAllBytes(policy)), PKIFailureInfo.unacceptedPolicy);
    }

    private static void assertRejected(byte[] der, int failure) throws Exception {
        TimeStampResponse response = new TimeStampResponse(der);
        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue() & failure).isNotZero();
    }

    private static String serialOf(String text) {
        return text.lines().filter(l -> l.startsWith("Serial number:")).findFirst().orElseThrow();
    }
}
