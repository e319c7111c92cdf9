package vn.kyso.server.demo;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.NewOfficer;
import vn.kyso.ca.Unit;
import vn.kyso.server.security.Accounts;
import vn.kyso.server.security.Role;
import vn.kyso.server.signing.AgencyClerks;
import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateNotice;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.DemoPlan;
import vn.kyso.usage.UsageReports;

/**
 * Fills a demo's data folder on its first start: the usage module's demo plan (Cà Mau 2018, 967
 * certificates, a year of signing history with 280 regular users) replayed through kyso's CA.
 * Each planned certificate gets a CA subscriber and a certificate issued by kyso's CA for a fresh
 * P-256 key (CSR; the demo throws the private keys away), except two custody certificates under
 * PIN {@value #PIN}: the {@code officer}'s personal one and an agency one the {@code clerk} may use.
 * Each is issued back-dated by the demo's own clock ({@link DemoClock}) on the day the plan says,
 * to a subscriber of the unit it had then (Cà Mau's 2018 units), so that the certificates are
 * valid over the signing history the demo credits them with; the usage inventory then receives
 * the plan's owners and the plan's signatures. Later starts only print the accounts.
 */
@Component
@ConditionalOnProperty(name = "kyso.demo.enabled", havingValue = "true")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoLoader implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final String PIN = "123456";
    static final long SEED = 2018L;
    private static final String ACTOR = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final CertificateAuthority ca;
    private final UsageReports usage;
    private final Accounts accounts;
    private final AgencyClerks clerks;
    private final Clock clock;
    private final SecureRandom random;
    private final java.nio.file.Path loadedMarker;
    private final PrintStream console = System.out;

    DemoLoader(CertificateAuthority ca, UsageReports usage, Accounts accounts, AgencyClerks clerks, Clock clock,
            SecureRandom random, vn.kyso.server.config.KysoProperties properties) {
        this.loadedMarker = properties.dataDir().resolve(DemoClock.LOADED);
        this.ca = ca;
        this.usage = usage;
        this.accounts = accounts;
        this.clerks = clerks;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (accounts.find("clerk").isEmpty()) {
            long started = System.nanoTime();
            try {
                load();
            } finally {
                resume();
            }
            log.info("Demo data loaded in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        resume();
        if (!java.nio.file.Files.exists(loadedMarker)) {
            java.nio.file.Files.createFile(loadedMarker);
        }
        console.println();
        console.println(" kyso — chế độ trình diễn / demo mode (Cà Mau 2018)");
        console.println(" tài khoản / accounts: admin, officer, clerk, auditor — mật khẩu / password: " + PASSWORD);
        console.println(" PIN ký số của officer và clerk / signing PIN of officer and clerk: " + PIN);
        console.println();
    }

    void load() throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
        resume(); // the plan covers the 12 months before today's month
        LocalDate today = LocalDate.now(clock);
        String province = ca.units(today).stream().filter(u -> u.parentCode() == null).map(Unit::code).sorted()
                .findFirst().orElseThrow(() -> new IllegalStateException("the CA has no units"));
        DemoPlan plan = usage.planDemo(SEED);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        List<CertificateRef> refs = new ArrayList<>(plan.certificates().size());
        Long officerSubscriber = null;
        String clerkCertificate = null;
        for (DemoPlan.PlannedCertificate planned : plan.certificates()) {
            boolean personal = planned.kind() == CertificateKind.PERSONAL;
            // registered and issued on the planned day, in the unit of that day
            backTo(planned.notBefore());
            String unit = ca.units(LocalDate.ofInstant(planned.notBefore(), UsageReports.VIETNAM)).stream()
                    .anyMatch(u -> u.code().equals(planned.unitCode())) ? planned.unitCode() : province;
            long subscriber = personal
                    ? ca.registerOfficer(ACTOR, new NewOfficer(planned.ownerName(), "Cán bộ", cccd(planned.index()),
                            mail(planned), unit)).id()
                    : ca.registerAgency(ACTOR, new NewAgency(planned.ownerName(), "Ủy ban nhân dân tỉnh Cà Mau",
                            mst(planned.index()), mail(planned), unit)).id();
            CertificateRecord record;
            if (personal && officerSubscriber == null) {
                record = ca.issueWithCustody(ACTOR, new CustodyIssueRequest(subscriber, "personal", false));
                // the demo's officer chooses the PIN, as an officer does at /sign/pin
                ca.choosePin("officer", record.serial(), PIN.toCharArray());
                officerSubscriber = subscriber;
            } else if (!personal && clerkCertificate == null) {
                record = ca.issueWithCustody(ACTOR, new CustodyIssueRequest(subscriber, "agency", false));
                ca.choosePin("clerk", record.serial(), PIN.toCharArray());
                clerkCertificate = record.serialHex();
            } else {
                record = ca.issueFromCsr(ACTOR, new CsrIssueRequest(subscriber, personal ? "personal" : "agency",
                        csr(generator.generateKeyPair())));
            }
            CertificateRef ref = CertificateRef.of(record.certificate());
            refs.add(ref);
            // the CA's certificate is valid from the planned day, for its profile's years: as planned
            usage.onCertificate(CertificateNotice.issued(ref, record.notBefore(), record.subject(), planned.kind(),
                    planned.unitCode(), planned.ownerName(), planned.ownerContact(), record.notBefore(),
                    record.notAfter()).withCertificate(record.certificate()));
        }
        resume();
        // what the hierarchy made while the clock stood in the past (its OCSP responder certificate,
        // CRLs) is renewed now, so that signatures made from today verify
        ca.maintain();
        ca.publishCrl(ACTOR);
        usage.recordAll(plan.events(refs::get));
        usage.metrics().refresh();
        accounts.demoAccount("admin", "Quản trị hệ thống", Set.of(Role.ADMIN), null, PASSWORD);
        accounts.demoAccount("auditor", "Thanh tra Sở Thông tin và Truyền thông", Set.of(Role.AUDITOR), null, PASSWORD);
        accounts.demoAccount("officer", plan.certificates().stream().filter(c -> c.kind() == CertificateKind.PERSONAL)
                .findFirst().orElseThrow().ownerName(), Set.of(Role.OFFICER), String.valueOf(officerSubscriber), PASSWORD);
        accounts.demoAccount("clerk", "Văn thư", Set.of(Role.OFFICER), null, PASSWORD);
        clerks.addClerk(ACTOR, clerkCertificate, "clerk");
    }

    /** The demo's clock reads {@code at}: the CA issues back-dated (nothing when the clock is not the demo's). */
    private void backTo(java.time.Instant at) {
        if (clock instanceof DemoClock demo) {
            demo.setTo(at);
        }
    }

    private void resume() {
        if (clock instanceof DemoClock demo) {
            demo.resume();
        }
    }

    private static String cccd(int index) {
        return "0962" + String.format("%08d", index);
    }

    private static String mst(int index) {
        return "20" + String.format("%08d", index);
    }

    private static String mail(DemoPlan.PlannedCertificate planned) {
        String m = planned.ownerContact();
        return m != null && m.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? m : "demo" + planned.index() + "@camau.gov.vn";
    }

    private static byte[] csr(KeyPair keys) throws OperatorCreationException, java.io.IOException {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=kyso demo"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }
}
