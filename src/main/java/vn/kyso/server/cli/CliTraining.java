package vn.kyso.server.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away workload for the class-data-sharing archive of the command line (see
 * {@code vn.kyso.server.CliArchive}): signs two generated PDFs with a generated key at B-B and
 * verifies them, through the very CLI classes a user's run loads, printing nothing. Nothing it
 * makes leaves its temporary folder; the key and password are random and never written out.
 */
public final class CliTraining {

    private static final String PASSWORD_VARIABLE = "KYSO_TRAINING_PASSWORD";

    private CliTraining() {
    }

    /** Runs the workload in a fresh temporary folder (deleted after) and exits with its code. */
    public static void main(String[] args) throws IOException, GeneralSecurityException, OperatorCreationException {
        Path dir = Files.createTempDirectory("kyso-cli-training-");
        int code;
        try {
            code = run(dir);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(code);
    }

    /** Signs and verifies in {@code dir}; 0 when both commands succeeded. */
    static int run(Path dir) throws IOException, GeneralSecurityException, OperatorCreationException {
        SecureRandom random = new SecureRandom();
        String password = Base64.getUrlEncoder().encodeToString(random.generateSeed(18));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=kyso CLI training");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, new BigInteger(1, random.generateSeed(16)), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", pair.getPrivate(), password.toCharArray(), new X509Certificate[] { certificate });
        Path p12 = dir.resolve("training.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password.toCharArray());
        }
        Path trust = Files.writeString(dir.resolve("training.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        Path first = pdf(in.resolve("a.pdf"), "kyso " + HexFormat.of().toHexDigits(random.nextInt()));
        Path second = pdf(in.resolve("b.pdf"), "kyso " + HexFormat.of().toHexDigits(random.nextInt()));
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Terminal quiet = new Terminal(nowhere, nowhere, Map.of(PASSWORD_VARIABLE, password), false, Clock.systemUTC());
        int signed = KysoCli.run(new String[] { "sign", "--key", p12.toString(), "--key-password-env", PASSWORD_VARIABLE,
                "--level", "B", "--out-dir", out.toString(), first.toString(), second.toString() }, quiet);
        int verified = KysoCli.run(new String[] { "verify", "--offline", "--trust", trust.toString(), "--format", "json",
                out.resolve("a.pdf").toString(), out.resolve("b.pdf").toString() }, quiet);
        return signed == ExitCodes.OK && verified == ExitCodes.OK ? 0 : 1;
    }

    /** A one-page A4 PDF with one line of Helvetica text (the tests make their inputs with it too). */
    static Path pdf(Path file, String text) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
