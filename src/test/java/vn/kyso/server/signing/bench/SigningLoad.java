package vn.kyso.server.signing.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of signing through the API, as a second process against a running kyso: N workers
 * sign a 1-page PDF at the given level (default B-LT) with {@code POST /api/v1/signatures} for
 * a fixed time, and it reports throughput, p50/p90/p99/max latency and errors. Not run by the
 * tests (a main, JDK only, so it also runs as a single source file:
 * {@code java src/test/java/vn/kyso/server/signing/bench/SigningLoad.java --help}).
 *
 * <p>It makes what it needs through the API: with {@code --admin-password}, a new officer with a
 * custody certificate; otherwise it uses an existing account ({@code --demo} data: officer / demo,
 * PIN 123456). It signs with an API bearer token (HTTP Basic would hash the password on every
 * request) and with key activations (one PIN entry per {@code --activation-size} signatures, per
 * worker), and checks every response (200, a PDF with a signature and, from LT up, a DSS); a
 * sample of the signed documents is verified by {@code POST /api/v1/verifications} at the end.
 */
public final class SigningLoad {

    private static final Pattern JSON_STRING = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern JSON_NUMBER = Pattern.compile("\"%s\"\\s*:\\s*(-?\\d+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> options;
    private final String base;
    /** Each worker's activation token and signatures left, kept from the warm-up into the measured run. */
    private final Map<Integer, String> activationOf = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> leftOf = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    private SigningLoad(Map<String, String> options) {
        this.options = options;
        this.base = option("url", "http://127.0.0.1:8080").replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs with command-line arguments; 0 when every signing succeeded and the sample verified, 2 for bad arguments. */
    public static int run(String... args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println("""
                        SigningLoad [--url http://127.0.0.1:8080] [--concurrency 8] [--seconds 60] [--warmup 15]
                                    [--level LT] [--activation-size 1000] [--verify-every 500] [--max-documents N]
                                    (--admin-password P [--admin admin] | [--user officer] [--password demo])
                                    [--pin 123456]""");
                return 0;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("bad argument: " + args[i] + " (try --help)");
                return 2;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return new SigningLoad(options).measure();
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, String.valueOf(fallback)));
    }

    private int measure() throws Exception {
        int concurrency = intOption("concurrency", 8);
        int seconds = intOption("seconds", 60);
        int warmup = intOption("warmup", 15);
        String level = option("level", "LT");
        String pin = option("pin", "123456");
        String bearer = options.containsKey("admin-password") ? newOfficer(pin) : existingAccount();
        byte[] pdf = onePagePdf();
        System.out.printf(Locale.ROOT, "signing %d-byte 1-page PDFs at %s, %d workers, %d s warm-up, %d s measured%n",
                pdf.length, level, concurrency, warmup, seconds);

        Run warm = new Run(bearer, pin, level, pdf, concurrency, warmup);
        if (warmup > 0) {
            warm.go();
        }
        Run measured = new Run(bearer, pin, level, pdf, concurrency, seconds);
        measured.go();
        int verifiedBad = verifySample(measured.sample);

        long[] all = measured.latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        double elapsed = measured.elapsedNanos / 1e9;
        System.out.printf(Locale.ROOT, "signed %d documents in %.1f s: %.1f per second%n", all.length, elapsed,
                all.length / elapsed);
        if (all.length > 0) {
            System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(all, 50),
                    pct(all, 90), pct(all, 99), all[all.length - 1] / 1e6);
        }
        System.out.printf(Locale.ROOT, "errors: %d%s; activations: %d; sample verified: %d, not valid: %d%n",
                measured.errors.get(), measured.errorKinds.isEmpty() ? "" : " " + measured.errorKinds,
                measured.activations.get() + warm.activations.get(), measured.sample.size(), verifiedBad);
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
        return measured.errors.get() == 0 && verifiedBad == 0 ? 0 : 1;
    }

    /** One timed phase: every worker signs in a loop until the time is up. */
    private final class Run {
        final String bearer;
        final String pin;
        final String level;
        final byte[] pdf;
        final int concurrency;
        final int seconds;
        final List<long[]> latencies = new CopyOnWriteArrayList<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong activations = new AtomicLong();
        final Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        final List<byte[]> sample = new CopyOnWriteArrayList<>();
        long elapsedNanos;

        Run(String bearer, String pin, String level, byte[] pdf, int concurrency, int seconds) {
            this.bearer = bearer;
            this.pin = pin;
            this.level = level;
            this.pdf = pdf;
            this.concurrency = concurrency;
            this.seconds = seconds;
        }

        void go() throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Thread> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int w = 0; w < concurrency; w++) {
                int id = w;
                Thread worker = new Thread(() -> work(id, end), "signer-" + w);
                worker.start();
                workers.add(worker);
            }
            for (Thread t : workers) {
                t.join();
            }
            elapsedNanos = System.nanoTime() - started;
        }

        private void work(int id, long end) {
            int activationSize = intOption("activation-size", 1000);
            int verifyEvery = intOption("verify-every", 500);
            long[] mine = new long[Math.min(200_000, intOption("max-documents", 200_000 * concurrency) / concurrency)];
            latencies.add(mine);
            int n = 0;
            String activation = activationOf.get(id);
            int left = leftOf.getOrDefault(id, 0);
            String boundary = "kyso-load-" + id;
            while (System.nanoTime() < end && n < mine.length) {
                try {
                    if (left == 0) {
                        activation = activate(bearer, pin, activationSize);
                        activations.incrementAndGet();
                        left = activationSize;
                    }
                    byte[] body = multipart(boundary, Map.of("activation", activation, "level", level), pdf);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/signatures"))
                            .header("Authorization", "Bearer " + bearer)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - t0;
                    left--;
                    String problem = check(response, level);
                    if (problem != null) {
                        error(problem);
                        if (response.statusCode() == 409 || response.statusCode() == 410) {
                            left = 0;
                        }
                        continue;
                    }
                    mine[n++] = took;
                    if (id == 0 && (n == 1 || n % verifyEvery == 0)) {
                        sample.add(response.body());
                    }
                } catch (Exception e) {
                    error(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())
                            .substring(0, Math.min(120, String.valueOf(e.getMessage()).length())));
                    left = 0;
                }
            }
            activationOf.put(id, activation == null ? "" : activation);
            leftOf.put(id, left);
        }

        private void error(String kind) {
            errors.incrementAndGet();
            errorKinds.merge(kind, 1, Integer::sum);
        }
    }

    /** Null when the response is a signed PDF of the level asked for, otherwise what is wrong. */
    private static String check(HttpResponse<byte[]> response, String level) {
        if (response.statusCode() != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Matcher code = Pattern.compile(String.format(JSON_STRING.pattern(), "code")).matcher(body);
            return "HTTP " + response.statusCode() + (code.find() ? " " + code.group(1) : "");
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf")) {
            return "not application/pdf";
        }
        String text = new String(response.body(), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("%PDF-") || !text.contains("/ByteRange") || !text.stripTrailing().endsWith("%%EOF")) {
            return "not a signed PDF";
        }
        if ((level.equals("LT") || level.equals("LTA")) && !text.contains("/DSS")) {
            return "no DSS at " + level;
        }
        return null;
    }

    /** Posts the sampled documents to the public verification API; returns how many are not all valid. */
    private int verifySample(List<byte[]> sample) throws Exception {
        int bad = 0;
        for (byte[] pdf : sample) {
            String boundary = "kyso-verify";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/verifications"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, Map.of(), pdf))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"allValid\":true")
                    || !response.body().contains("\"level\":\"B-" + option("level", "LT") + "\"")) {
                bad++;
                System.out.println("verification of a sampled document: " + response.statusCode() + " " + response.body());
            }
        }
        return bad;
    }

    private String activate(String bearer, String pin, int signatures) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/signatures/activations", "Bearer " + bearer,
                "{\"pin\":\"" + pin + "\",\"signatures\":" + signatures + "}", 201);
        return jsonString(response.body(), "token");
    }

    /** An existing officer account (default: the demo's officer) and a bearer token for it. */
    private String existingAccount() throws Exception {
        String basic = basic(option("user", "officer"), option("password", "demo"));
        return jsonString(send("POST", "/api/v1/tokens", basic,
                "{\"name\":\"load-" + System.currentTimeMillis() + "\",\"validDays\":1}", 201).body(), "token");
    }

    /** A new officer with a custody certificate under {@code pin}, made by the admin; returns its bearer token. */
    private String newOfficer(String pin) throws Exception {
        String admin = basic(option("admin", "admin"), option("admin-password", ""));
        String unit = jsonString(send("GET", "/api/v1/units", admin, null, 200).body(), "code");
        String cccd = "0" + String.format(Locale.ROOT, "%011d", Math.floorMod(RANDOM.nextLong(), 100_000_000_000L));
        String username = "load-" + Long.toString(System.currentTimeMillis(), 36);
        long subscriber = jsonNumber(send("POST", "/api/v1/subscribers/officers", admin, "{\"fullName\":\"Nguyễn Văn Tải\","
                + "\"positionTitle\":\"Chuyên viên\",\"cccd\":\"" + cccd + "\",\"email\":\"" + username
                + "@camau.gov.vn\",\"unitCode\":\"" + unit + "\"}", 201).body(), "id");
        String serial = jsonString(send("POST", "/api/v1/certificates/custody", admin, "{\"subscriberId\":" + subscriber
                + ",\"profile\":\"personal\"}", 201).body(), "serial");
        String first = "Mot-Lan-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String password = "Tai-Thu-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        send("POST", "/api/v1/accounts", admin, "{\"username\":\"" + username + "\",\"displayName\":\"Tải thử\","
                + "\"password\":\"" + first + "\",\"roles\":[\"OFFICER\"],\"subscriberId\":\"" + subscriber + "\"}", 201);
        send("POST", "/api/v1/account/password", basic(username, first),
                "{\"currentPassword\":\"" + first + "\",\"newPassword\":\"" + password + "\"}", 204);
        send("PUT", "/api/v1/signatures/keys/" + serial + "/pin", basic(username, password),
                "{\"newPin\":\"" + pin + "\"}", 200); // the officer chooses the PIN (issue 13)
        System.out.println("made officer " + username + " (subscriber " + subscriber + ") with a custody certificate");
        return jsonString(send("POST", "/api/v1/tokens", basic(username, password),
                "{\"name\":\"load\",\"validDays\":1}", 201).body(), "token");
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(60));
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected && !(expected == 204 && response.statusCode() == 200)) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonString(String json, String name) {
        Matcher m = Pattern.compile(String.format(JSON_STRING.pattern(), name)).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    private static long jsonNumber(String json, String name) {
        Matcher m = Pattern.compile(String.format(JSON_NUMBER.pattern(), name)).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static byte[] multipart(String boundary, Map<String, String> fields, byte[] pdf) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 1024);
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cong-van.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A 1-page A4 PDF with one line of text, written by hand (classic xref table). */
    static byte[] onePagePdf() {
        String content = "BT /F1 14 Tf 72 770 Td (Cong van so 01/UBND - tai thu ky so) Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                    + "/Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")),
                    StandardCharsets.US_ASCII).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
