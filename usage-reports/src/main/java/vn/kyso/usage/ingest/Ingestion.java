package vn.kyso.usage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import vn.kyso.usage.AuditTrail;
import vn.kyso.usage.IngestListener;
import vn.kyso.usage.IngestResult;
import vn.kyso.usage.IngestResult.RejectedSignature;
import vn.kyso.usage.IngestResult.SkipReason;
import vn.kyso.usage.IngestResult.SkippedFile;
import vn.kyso.usage.RecordResult;
import vn.kyso.usage.RejectedObservation;
import vn.kyso.usage.RejectionReason;
import vn.kyso.usage.UsageEvent;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;
import vn.kyso.usage.inventory.CertificateInventory;

/**
 * Turns signed PDFs into SEEN events: files, zip archives and folders. Only proven signatures
 * count ({@link ProvenSignatures}); each other one is a rejected observation, kept with its
 * reason. Each document is audited (who, its digest, what was counted and rejected). One bad
 * document is listed and skipped; the batch goes on. Events are recorded in groups, so a large
 * batch is not one long transaction.
 */
public final class Ingestion {

    private static final int FLUSH_EVERY = 1_000;

    private final SignatureExtractor extractor;
    private final ProvenSignatures proof;
    private final Function<List<UsageEvent>, RecordResult> recorder;
    private final long maxDocumentBytes;
    private final RejectionLog rejections;
    private final AuditTrail audit;
    private final Clock clock;
    private final Amendments amendments;
    private final java.util.function.Predicate<UsageEvent> alreadyCounted;

    public Ingestion(SignatureExtractor extractor, CertificateInventory inventory,
            Function<List<UsageEvent>, RecordResult> recorder, long maxDocumentBytes, RejectionLog rejections,
            AuditTrail audit, Clock clock, Amendments amendments, java.util.function.Predicate<UsageEvent> recorded) {
        this.amendments = amendments;
        this.alreadyCounted = recorded;
        this.extractor = extractor;
        this.proof = new ProvenSignatures(inventory);
        this.recorder = recorder;
        this.maxDocumentBytes = maxDocumentBytes;
        this.rejections = rejections;
        this.audit = audit;
        this.clock = clock;
    }

    /** Ingests PDF files and zip archives of PDFs on behalf of {@code actor} (audited). */
    public IngestResult ingest(List<Path> files, IngestListener listener, String actor) {
        List<Document> documents = new ArrayList<>();
        List<SkippedFile> unreadable = new ArrayList<>();
        for (Path f : files) {
            if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                documents.addAll(zipEntries(f, unreadable));
            } else {
                documents.add(new Document(f.getFileName().toString(), f, null, null));
            }
        }
        Batch batch = new Batch(documents.size(), actor);
        batch.skipped.addAll(unreadable);
        unreadable.forEach(listener::skipped);
        int done = 0;
        listener.progress(0, documents.size(), null);
        for (Document d : documents) {
            int skippedBefore = batch.skipped.size();
            batch.ingest(d);
            batch.skipped.subList(skippedBefore, batch.skipped.size()).forEach(listener::skipped);
            listener.progress(++done, documents.size(), d.name());
        }
        return batch.finish();
    }

    /** Ingests every PDF and zip under {@code folder} (sub-folders included), in name order. */
    public IngestResult ingestFolder(Path folder, IngestListener listener, String actor) {
        return ingest(candidates(folder), listener, actor);
    }

    /** The PDFs and zips under {@code folder}, in path order. */
    static List<Path> candidates(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".pdf") || n.endsWith(".zip");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UsageException(ErrorCode.IO_ERROR, "cannot list " + folder, e);
        }
    }

    /** A document to look at: a file, or an entry of a zip read on demand. */
    private record Document(String name, Path file, ZipFileRef zip, ZipEntry entry) {
    }

    private record ZipFileRef(Path path) {
    }

    private List<Document> zipEntries(Path zip, List<SkippedFile> unreadable) {
        List<Document> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                    out.add(new Document(zip.getFileName() + "!/" + e.getName(), null, new ZipFileRef(zip), e));
                }
            }
        } catch (IOException e) {
            unreadable.add(new SkippedFile(zip.getFileName().toString(), SkipReason.READ_ERROR,
                    "not a readable zip archive"));
        }
        return out;
    }

    /** The running state of one ingestion. */
    private final class Batch {
        final int files;
        int signatures;
        RecordResult recorded = new RecordResult(0, 0, 0);
        final List<UsageEvent> pending = new ArrayList<>();
        final List<SkippedFile> skipped = new ArrayList<>();
        final List<RejectedSignature> rejected = new ArrayList<>();
        final String actor;

        Batch(int files, String actor) {
            this.files = files;
            this.actor = actor;
        }

        void ingest(Document d) {
            Path file = d.file();
            Path temp = null;
            try {
                if (d.zip() != null) {
                    temp = extract(d);
                    if (temp == null) {
                        return;
                    }
                    file = temp;
                } else if (Files.size(file) > maxDocumentBytes) {
                    skipped.add(new SkippedFile(d.name(), SkipReason.TOO_LARGE, "larger than " + maxDocumentBytes
                            + " bytes"));
                    return;
                }
                List<FoundSignature> found = extractor.extract(file);
                if (found.isEmpty()) {
                    skipped.add(new SkippedFile(d.name(), SkipReason.UNSIGNED, "the PDF has no signature"));
                    return;
                }
                String fileSha256 = SignedRevisions.sha256(file);
                Instant now = clock.instant();
                int proven = 0;
                int amended = 0;
                Map<RejectionReason, Integer> refused = new EnumMap<>(RejectionReason.class);
                for (FoundSignature s : found) {
                    signatures++;
                    ProvenSignatures.Judgement j = proof.judge(s, now);
                    if (j.proven() != null) {
                        proven++;
                        UsageEvent seen = UsageEvent.seen(j.proven().holder().ref(), j.proven().at(),
                                s.revisionSha256(), s.field(), s.signatureId());
                        if (!amendments.closed(seen.at(), now)) {
                            pending.add(seen);
                        } else if (!alreadyCounted.test(seen) && amendments.add(s.signatureId(), j.proven().holder().id(),
                                seen.at(), d.name(), fileSha256, now, actor)) {
                            amended++; // a closed month's figures stay; the evidence is shown beside them
                        }
                        continue;
                    }
                    refused.merge(j.reason(), 1, Integer::sum);
                    rejected.add(new RejectedSignature(d.name(), s.field(), s.certificate(), j.detail(), j.reason()));
                    rejections.add(new RejectedObservation(now, actor, d.name(), fileSha256, s.field(), s.signatureId(),
                            s.certificate(), s.subject(), j.evidenceTime(), j.reason(), j.detail()));
                }
                audit.append(actor, "USAGE_DOCUMENT_INGESTED", "sha256:" + fileSha256, d.name() + ": "
                        + found.size() + " signature(s), " + proven + " proven (" + amended + " amending closed months), rejected "
                        + refused);
                if (pending.size() >= FLUSH_EVERY) {
                    flush();
                }
            } catch (SignatureExtractor.UnreadableDocument e) {
                skipped.add(new SkippedFile(d.name(), e.reason(), e.getMessage()));
            } catch (IOException e) {
                skipped.add(new SkippedFile(d.name(), SkipReason.READ_ERROR, "cannot read: " + e.getMessage()));
            } finally {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // a leftover temp file is harmless
                    }
                }
            }
        }

        /** Copies a zip entry to a temp file, refusing entries past the size limit (zip bombs). */
        private Path extract(Document d) throws IOException {
            try (ZipFile z = new ZipFile(d.zip().path().toFile()); InputStream in = z.getInputStream(d.entry())) {
                Path temp = Files.createTempFile("kyso-ingest-", ".pdf");
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                try (var out = Files.newOutputStream(temp)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        total += n;
                        if (total > maxDocumentBytes) {
                            out.close();
                            Files.deleteIfExists(temp);
                            skipped.add(new SkippedFile(d.name(), SkipReason.TOO_LARGE,
                                    "larger than " + maxDocumentBytes + " bytes"));
                            return null;
                        }
                        out.write(buffer, 0, n);
                    }
                }
                return temp;
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                recorded = recorded.plus(recorder.apply(List.copyOf(pending)));
                pending.clear();
            }
        }

        IngestResult finish() {
            flush();
            IngestResult result = new IngestResult(files, signatures, recorded.recorded(), recorded.duplicates(),
                    skipped, rejected);
            audit.append(actor, "USAGE_INGESTED", "documents:" + files, "signatures " + signatures + ", counted "
                    + recorded.recorded() + ", already counted " + recorded.duplicates() + ", rejected "
                    + rejected.size() + ", skipped documents " + skipped.size());
            return result;
        }
    }
}
