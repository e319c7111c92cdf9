package vn.kyso.server.csc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import tools.jackson.databind.JsonNode;
import vn.kyso.server.DssReports;
import vn.kyso.server.TestHttp;
import vn.kyso.server.signing.SigningTestSupport;

/**
 * Interop with a client nobody here wrote: EU DSS builds the PAdES signature (it computes the data
 * to sign and assembles the PDF), kyso's CSC {@code signHash} signs it over HTTP, and DSS then
 * validates the result as TOTAL_PASSED at the level asked, fetching OCSP, CRL and timestamps from
 * this kyso as any relying party would; pdfsig and qpdf accept the file.
 */
class CscDssInteropTest extends SigningTestSupport {

    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";

    @TempDir
    Path folder;

    enum Level {
        B(SignatureLevel.PAdES_BASELINE_B), T(SignatureLevel.PAdES_BASELINE_T), LT(SignatureLevel.PAdES_BASELINE_LT),
        LTA(SignatureLevel.PAdES_BASELINE_LTA);

        final SignatureLevel dss;

        Level(SignatureLevel dss) {
            this.dss = dss;
        }
    }

    /** What DSS signed through kyso's CSC API: the PDF, and the chain (root last). */
    private record DssSigned(DSSDocument pdf, List<CertificateToken> chain) {
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void dssBuildsAPadesSignatureWithKysosSignHashAndValidatesItAsTotalPassed(Level level) throws Exception {
        DssSigned signed = dssSigned(level);

        Path file = write(signed.pdf(), "dss-" + level + ".pdf");
        assertThat(run("qpdf", "--check", file.toString())).isZero();
        assertThat(run("pdfsig", file.toString())).isZero();
        assertTotalPassed(signed.pdf(), signed.chain(), level.dss);
    }

    @org.junit.jupiter.api.Test
    void kysoExtendRaisesADssSignedBbDocumentToLtaAndRenewsItsArchiveTimestamp() throws Exception {
        DssSigned signed = dssSigned(Level.B);
        Path in = write(signed.pdf(), "dss-b.pdf");
        Path lta = folder.resolve("dss-lta.pdf");
        Path renewed = folder.resolve("dss-lta-renewed.pdf");

        assertThat(extend(in, lta)).isZero();
        assertThat(extend(lta, renewed)).isZero();

        for (Path file : List.of(lta, renewed)) {
            assertThat(run("qpdf", "--check", file.toString())).isZero();
            assertThat(run("pdfsig", file.toString())).isZero();
        }
        assertTotalPassed(new eu.europa.esig.dss.model.FileDocument(renewed.toFile()), signed.chain(),
                SignatureLevel.PAdES_BASELINE_LTA);
        SimpleReport first = validate(new eu.europa.esig.dss.model.FileDocument(lta.toFile()), signed.chain());
        assertThat(first.getIndication(first.getFirstSignatureId())).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(first.getSignatureFormat(first.getFirstSignatureId())).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        assertThat(Files.size(renewed)).isGreaterThan(Files.size(lta));

        HttpResponse<byte[]> viaApi = http().basic(officer(), USER_PASSWORD).postMultipartBytes("/api/v1/extensions",
                "file", "dss-b.pdf", Files.readAllBytes(in), java.util.Map.of("level", "LTA"));
        assertThat(viaApi.statusCode()).isEqualTo(200);
        SimpleReport api = validate(new InMemoryDocument(viaApi.body()), signed.chain());
        assertThat(api.getIndication(api.getFirstSignatureId())).isEqualTo(Indication.TOTAL_PASSED);
    }

    private int extend(Path in, Path out) {
        java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stream = new java.io.PrintStream(output, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = vn.kyso.server.cli.KysoCli.run(new String[] {"extend", "--level", "LTA", "--tsa", http().url("/tsa"),
                in.toString(), out.toString()}, new vn.kyso.server.cli.Terminal(stream, stream, java.util.Map.of(),
                false, java.time.Clock.systemUTC()));
        assertThat(output.toString(java.nio.charset.StandardCharsets.UTF_8)).as("kyso extend").contains(out.toString());
        return code;
    }

    private DssSigned dssSigned(Level level) {
        Signer officer = newOfficer("dss" + level.name().toLowerCase());
        TestHttp csc = http().bearer(TestHttp.json(http().basic(officer.username(), USER_PASSWORD)
                .postJson("/csc/v2/auth/login", "{}")).get("access_token").asString());
        JsonNode cert = TestHttp.json(csc.postJson("/csc/v2/credentials/info",
                "{\"credentialID\":\"" + officer.serial() + "\",\"certificates\":\"chain\"}")).get("cert");
        List<CertificateToken> chain = new ArrayList<>();
        cert.get("certificates").forEach(c -> chain.add(DSSUtils.loadCertificate(Base64.getDecoder().decode(c.asString()))));

        PAdESService service = new PAdESService(DssReports.verifier(chain.get(chain.size() - 1)));
        service.setTspSource(new OnlineTSPSource(http().url("/tsa")));
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level.dss);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(chain.get(0));
        parameters.setCertificateChain(chain);
        DSSDocument document = new InMemoryDocument(onePagePdf(), "cong-van.pdf");

        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        String hash = Base64.getEncoder().encodeToString(DSSUtils.digest(DigestAlgorithm.SHA256, toBeSigned.getBytes()));
        HttpResponse<String> authorized = csc.postJson("/csc/v2/credentials/authorize", "{\"credentialID\":\""
                + officer.serial() + "\",\"numSignatures\":1,\"hashes\":[\"" + hash + "\"],\"PIN\":\"" + PIN + "\"}");
        String sad = TestHttp.json(authorized).get("SAD").asString();
        HttpResponse<String> signed = csc.postJson("/csc/v2/signatures/signHash", "{\"credentialID\":\""
                + officer.serial() + "\",\"SAD\":\"" + sad + "\",\"hashes\":[\"" + hash + "\"],\"hashAlgorithmOID\":\""
                + SHA256 + "\",\"signAlgo\":\"1.2.840.113549.1.1.11\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256,
                Base64.getDecoder().decode(TestHttp.json(signed).get("signatures").get(0).asString()));
        return new DssSigned(service.signDocument(document, parameters, value), chain);
    }

    private void assertTotalPassed(DSSDocument pdf, List<CertificateToken> chain, SignatureLevel level) {
        SimpleReport report = validate(pdf, chain);
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).as(report.getAdESValidationErrors(id).stream().map(m -> m.getValue())
                .toList().toString() + report.getSubIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(level);
    }

    private static SimpleReport validate(DSSDocument pdf, List<CertificateToken> chain) {
        return DssReports.validate(pdf, chain.get(chain.size() - 1));
    }

    private Path write(DSSDocument pdf, String name) throws IOException {
        Path file = folder.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            pdf.writeTo(out);
        }
        return file;
    }
}
