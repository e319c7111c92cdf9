package vn.kyso.signing.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/**
 * The bytes of a PDF: a file (read through PDFBox's buffered file access, never loaded whole)
 * or an array already in memory (small documents, benchmarks).
 */
public sealed interface PdfSource {

    /** A fresh random-access view; the caller closes it (PDDocument.close does). */
    RandomAccessRead open() throws IOException;

    long length() throws IOException;

    /** A plain stream over the whole file. */
    InputStream stream() throws IOException;

    /** Up to {@code n} bytes from the start, or from the end when {@code fromEnd}. */
    byte[] edge(int n, boolean fromEnd) throws IOException;

    /** True when intermediate stages should stay in memory too. */
    boolean inMemory();

    static PdfSource of(Path file) {
        return new FileSource(file);
    }

    static PdfSource of(byte[] bytes) {
        return new BytesSource(bytes);
    }

    /** A PDF on disk. */
    record FileSource(Path file) implements PdfSource {
        @Override
        public RandomAccessRead open() throws IOException {
            return new RandomAccessReadBufferedFile(file);
        }

        @Override
        public long length() throws IOException {
            return Files.size(file);
        }

        @Override
        public InputStream stream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public byte[] edge(int n, boolean fromEnd) throws IOException {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long len = raf.length();
                int size = (int) Math.min(n, len);
                byte[] b = new byte[size];
                raf.seek(fromEnd ? len - size : 0);
                raf.readFully(b);
                return b;
            } catch (java.io.FileNotFoundException e) {
                throw new SigningException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean inMemory() {
            return false;
        }
    }

    /** A PDF in memory. */
    record BytesSource(byte[] bytes) implements PdfSource {
        @Override
        public RandomAccessRead open() {
            return new RandomAccessReadBuffer(bytes);
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream stream() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public byte[] edge(int n, boolean fromEnd) {
            int size = Math.min(n, bytes.length);
            return fromEnd ? Arrays.copyOfRange(bytes, bytes.length - size, bytes.length) : Arrays.copyOf(bytes, size);
        }

        @Override
        public boolean inMemory() {
            return true;
        }
    }
}
