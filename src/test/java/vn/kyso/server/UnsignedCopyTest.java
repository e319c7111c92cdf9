package vn.kyso.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsignedCopyTest {

    @Test
    void theSignatureAndTheDigestsGoTheEntriesAndTheMainAttributesStay(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("lib.jar");
        String manifest = "Manifest-Version: 1.0\r\nMulti-Release: true\r\nAutomatic-Module-Name: lib\r\n\r\n"
                + "Name: a/A.class\r\nSHA-256-Digest: AAAA\r\n\r\n";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(out, "META-INF/MANIFEST.MF", manifest.getBytes(StandardCharsets.UTF_8));
            put(out, "META-INF/LIB.SF", "Signature-Version: 1.0\r\n".getBytes(StandardCharsets.UTF_8));
            put(out, "META-INF/LIB.RSA", new byte[] { 1, 2, 3 });
            put(out, "META-INF/versions/17/a/A.class", new byte[] { 9, 9 });
            put(out, "META-INF/services/x.Y", "a.A\n".getBytes(StandardCharsets.UTF_8));
            put(out, "a/A.class", new byte[] { (byte) 0xCA, (byte) 0xFE, 0, 1 });
        }
        assertThat(UnsignedCopy.signed(jar)).isTrue();

        UnsignedCopy.strip(jar);

        assertThat(UnsignedCopy.signed(jar)).isFalse();
        try (JarFile read = new JarFile(jar.toFile())) {
            assertThat(Collections.list(read.entries()).stream().map(ZipEntry::getName)).containsExactly(
                    "META-INF/MANIFEST.MF", "META-INF/versions/17/a/A.class", "META-INF/services/x.Y", "a/A.class");
            assertThat(read.getInputStream(read.getEntry("a/A.class")).readAllBytes())
                    .containsExactly((byte) 0xCA, (byte) 0xFE, 0, 1);
            assertThat(read.getManifest().getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE)).isEqualTo("true");
            assertThat(read.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("lib");
            assertThat(read.getManifest().getEntries()).isEmpty();
            assertThat(read.isMultiRelease()).isTrue();
        }
    }

    @Test
    void aJarWithoutSignatureIsLeftAsItIs(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("plain.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(out, "a/A.class", new byte[] { 1 });
        }
        byte[] before = Files.readAllBytes(jar);

        UnsignedCopy.strip(jar);

        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    }

    @Test
    void bouncyCastleFromTheUnsignedCopyStillSigns(@TempDir Path dir) throws Exception {
        Path original = Path.of(BouncyCastleProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = Files.copy(original, dir.resolve("bcprov.jar"));
        assertThat(UnsignedCopy.signed(jar)).as("Bouncy Castle's jar is signed").isTrue();

        UnsignedCopy.strip(jar);

        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null);
                JarFile read = new JarFile(jar.toFile(), true)) {
            JarEntry entry = read.getJarEntry("org/bouncycastle/jce/provider/BouncyCastleProvider.class");
            read.getInputStream(entry).readAllBytes();
            assertThat(entry.getCodeSigners()).isNull();
            Provider bc = (Provider) loader.loadClass(BouncyCastleProvider.class.getName()).getConstructor().newInstance();
            KeyPair pair = KeyPairGenerator.getInstance("EC", bc).generateKeyPair();
            Signature signer = Signature.getInstance("SHA256withECDSA", bc);
            signer.initSign(pair.getPrivate());
            signer.update(new byte[] { 1, 2, 3 });
            byte[] value = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA", bc);
            verifier.initVerify(pair.getPublic());
            verifier.update(new byte[] { 1, 2, 3 });
            assertThat(verifier.verify(value)).isTrue();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getName).filter(n -> n.endsWith(".SF")))
                    .isEmpty();
            assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getMethod).distinct())
                    .isEqualTo(List.of(ZipEntry.STORED));
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] data) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream o = out;
        o.write(data);
        out.closeEntry();
    }
}
