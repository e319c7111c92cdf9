package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.VerificationReport;

/**
 * A seeded mutation loop over signed PDFs: bit flips, byte insertions and deletions,
 * truncation, digit changes in offsets and ranges, and splicing of dictionaries. Whatever the
 * input, {@code verify} returns a report or throws {@link SigningException}, within a time limit.
 * {@code -Dkyso.fuzz.count=N} and {@code -Dkyso.fuzz.seed=S} widen or vary the run.
 */
class VerifierFuzzTest {

    private static final long SEED = Long.getLong("kyso.fuzz.seed", 20261127L);
    private static final int COUNT = Integer.getInteger("kyso.fuzz.count", 2000);
    private static final long LIMIT_SECONDS = 10;

    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-verify");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void stop() {
        RUNNER.shutdownNow();
    }

    @Test
    void mutatedSignedPdfsGiveAReportOrSigningExceptionInTime() throws Exception {
        List<byte[]> corpus = corpus();
        PdfVerifier verifier = verifier(RevocationSource.none());
        Random random = new Random(SEED);
        int reports = 0;
        int rejected = 0;
        for (int i = 0; i < COUNT; i++) {
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] mutant = mutation.apply(original, corpus, random);
            Future<VerificationReport> result = RUNNER.submit(() -> verifier.verify(mutant));
            try {
                VerificationReport report = result.get(LIMIT_SECONDS, TimeUnit.SECONDS);
                assertThat(report).isNotNull();
                reports++;
                if (!Arrays.equals(mutant, original)) {
                    assertNoForgedValidity(report, mutant, original, mutation, i);
                }
            } catch (TimeoutException e) {
                result.cancel(true);
                fail("mutant %d (%s, seed %d) took more than %d s", i, mutation, SEED, LIMIT_SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SigningException) {
                    rejected++;
                } else {
                    throw new AssertionError("mutant " + i + " (" + mutation + ", seed " + SEED + ") threw "
                            + e.getCause(), e.getCause());
                }
            }
        }
        assertThat(reports + rejected).isEqualTo(COUNT);
        assertThat(reports).as("most mutants still parse, so the signature checks are exercised").isGreaterThan(COUNT / 4);
    }

    /**
     * A mutation inside a signed range must never leave every signature VALID with nothing to
     * report: the signed bytes changed. (Mutations may hit unsigned bytes, such as the zero
     * padding of /Contents, which is why only the strongest claim is checked.)
     */
    private static void assertNoForgedValidity(VerificationReport report, byte[] mutant, byte[] original, Mutation m, int i) {
        if (mutant.length == original.length && report.allValid()
                && report.signatures().stream().allMatch(s -> s.coversWholeDocument())) {
            int first = 0;
            while (mutant[first] == original[first]) {
                first++;
            }
            String around = new String(original, Math.max(0, first - 40), Math.min(80, original.length - Math.max(0, first - 40)),
                    StandardCharsets.ISO_8859_1);
            assertThat(insideContentsPadding(original, first))
                    .as("mutant %d (%s) changed byte %d (near '%s') yet verifies VALID", i, m, first, around)
                    .isTrue();
        }
        report.signatures().forEach(s -> assertThat(s.indication()).isIn((Object[]) Indication.values()));
    }

    /** Whether {@code offset} is inside a hex /Contents string (excluded from the signed range). */
    private static boolean insideContentsPadding(byte[] pdf, int offset) {
        int open = offset;
        while (open > 0 && pdf[open] != '<' && pdf[open] != '>') {
            open--;
        }
        return pdf[open] == '<' && new String(pdf, Math.max(0, open - 12), Math.min(12, open), StandardCharsets.ISO_8859_1)
                .contains("/Contents");
    }

    private static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        byte[] bb = signedOnePage();
        corpus.add(bb);
        byte[] lt = signedWithDss(TestSigner.sign(ONE_PAGE, options().withTsa(TSA)));
        corpus.add(TestSigner.addDocumentTimestamp(lt, TSA));
        corpus.add(TestSigner.sign(bb, options().withCredential(SECOND_SIGNER)));
        corpus.add(TestUpdates.fillField(TestSigner.sign(TestDocuments.withTextField(), options().certifying(2)), "amount", "7"));
        return corpus;
    }

    enum Mutation {
        FLIP_BITS {
            @Override
            byte[] apply(byte[] in, List<byte[]> corpus, Random r) {
                byte[] out = in.clone();
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return out;
            }
        },
        INSERT_BYTES {
            @Override
            byte[] apply(byte[] in, List<byte[]> corpus, Random r) {
                byte[] extra = new byte[1 + r.nextInt(16)];
                r.nextBytes(extra);
                return splice(in, r.nextInt(in.length), 0, extra);
            }
        },
        DELETE_BYTES {
            @Override
            byte[] apply(byte[] in, List<byte[]> corpus, Random r) {
                int at = r.nextInt(in.length);
                return splice(in, at, Math.min(in.length - at, 1 + r.nextInt(64)), new byte[0]);
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(byte[] in, List<byte[]> corpus, Random r) {
                return Arrays.copyOf(in, r.nextInt(in.length));
            }
        },
        CHANGE_DIGIT {
            @Override
            byte[] apply(byte[] in, List<byte[]> corpus, Random r) {
                byte[] out = in.clone();
                for (int tries = 0; tries < 1000; tries++) {
                    int at = r.nextInt(out.length);
                    if (out[at] >= '0' && out[at] <= '9') {
                        out[at] = (byte) ('0' + r.nextInt(10));
                        return out;
                    }
                }
                return out;
            }
        },
        SPLICE_DICTIONARY {
            @Override
            byte[] apply(byte[] in, List<byte[]> corpus, Random r) {
                byte[] donor = corpus.get(r.nextInt(corpus.size()));
                int from = dictionaryStart(donor, r);
                int length = Math.min(donor.length - from, 1 + r.nextInt(300));
                int to = dictionaryStart(in, r);
                boolean replace = r.nextBoolean();
                return splice(in, to, replace ? Math.min(in.length - to, length) : 0, Arrays.copyOfRange(donor, from, from + length));
            }
        };

        abstract byte[] apply(byte[] in, List<byte[]> corpus, Random r);

        static int dictionaryStart(byte[] data, Random r) {
            int start = r.nextInt(data.length);
            for (int i = start; i + 1 < data.length; i++) {
                if (data[i] == '<' && data[i + 1] == '<') {
                    return i;
                }
            }
            return start;
        }

        static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
            byte[] out = new byte[in.length - remove + insert.length];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
            return out;
        }
    }
}
