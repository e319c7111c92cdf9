package vn.kyso.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Turns a signed library jar of the CLI's unpacked class path into an unsigned one: the same
 * entries, without the signature files and without the manifest's per-entry digests.
 *
 * <p>Why: class-data sharing never archives a class from a signed jar, so Bouncy Castle and the
 * native crypto provider (about 800 classes of a CLI run) were loaded, digested against their
 * manifest (Bouncy Castle's is 850 KB) and verified on every start. The JDK does not need a
 * provider to be signed, and the copy is made from kyso.jar, whose build checked the originals.
 * Entries are written stored (uncompressed): the copy is made once per build, and a stored class
 * is read without inflating it.
 */
final class UnsignedCopy {

    private UnsignedCopy() {
    }

    /** Whether {@code jar} carries a signature (a .SF file and its block in META-INF). */
    static boolean signed(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                if (signatureFile(entries.nextElement().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Rewrites {@code jar} in place without its signature; a jar without one is left as it is. */
    static void strip(Path jar) throws IOException {
        if (!signed(jar)) {
            return;
        }
        Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned");
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (signatureFile(name)) {
                    continue;
                }
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    data = mainSectionOnly(data);
                }
                ZipEntry stored = new ZipEntry(name);
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(data.length);
                stored.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                stored.setCrc(crc.getValue());
                if (e.getLastModifiedTime() != null) {
                    stored.setLastModifiedTime(e.getLastModifiedTime());
                }
                out.putNextEntry(stored);
                out.write(data);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The manifest's main attributes (Multi-Release, Automatic-Module-Name...) without the digests. */
    private static byte[] mainSectionOnly(byte[] manifest) throws IOException {
        Manifest parsed = new Manifest(new java.io.ByteArrayInputStream(manifest));
        Manifest main = new Manifest();
        main.getMainAttributes().putAll(parsed.getMainAttributes());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        main.write(out);
        return out.toByteArray();
    }

    /** META-INF/NAME.SF and the signature block beside it (.RSA, .DSA, .EC, SIG-*), as JarFile reads them. */
    private static boolean signatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }
}
