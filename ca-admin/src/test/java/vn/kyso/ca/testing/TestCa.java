package vn.kyso.ca.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import vn.kyso.ca.CaEvent;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.KeyAlgorithm;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.NewOfficer;
import vn.kyso.signing.crypto.NativeCrypto;

/** A CA on a test database, with settings that keep tests fast and the events it published. */
public final class TestCa {

    public static final char[] PASSPHRASE = "test-ca-passphrase".toCharArray();

    public final CertificateAuthority ca;
    public final List<CaEvent> events;
    public final CaSettings settings;
    public final Path dir;

    private TestCa(CertificateAuthority ca, List<CaEvent> events, CaSettings settings, Path dir) {
        this.ca = ca;
        this.events = events;
        this.settings = settings;
        this.dir = dir;
    }

    /** P-256 keys everywhere and a light Argon2id, so that each test builds its own CA quickly. */
    public static CaSettings fastSettings(Path dir) {
        CaSettings defaults = CaSettings.defaults(dir, "http://127.0.0.1:8080");
        CaSettings.Hierarchy h = defaults.hierarchy();
        CaSettings.Responders r = defaults.responders();
        return defaults
                .withResponders(new CaSettings.Responders(r.ocspName(), KeyAlgorithm.EC_P256, r.ocspValidity(),
                        r.ocspRenewBefore(), r.ocspResponseValidity(), r.ocspCacheTtl(), r.tsaName(),
                        KeyAlgorithm.EC_P256, r.tsaValidity(), r.tsaPolicyOid(), r.tsaAccuracy(), r.crlNextUpdate(),
                        r.rootCrlNextUpdate()))
                .withHierarchy(new CaSettings.Hierarchy(h.rootName(), KeyAlgorithm.EC_P256, h.rootValidity(),
                        h.issuingName(), KeyAlgorithm.EC_P256, h.issuingValidity()))
                .withCustody(new CaSettings.Custody(KeyAlgorithm.EC_P256, 1024, 1, 1, 5, true));
    }

    public static TestCa open(TestDatabase db, Path dir, Clock clock) {
        return open(db, fastSettings(dir), clock);
    }

    public static TestCa open(TestDatabase db, CaSettings settings, Clock clock) {
        return open(db, settings, clock, NativeCrypto.system());
    }

    public static TestCa open(TestDatabase db, CaSettings settings, Clock clock, NativeCrypto crypto) {
        return open(db.dataSource(), settings, clock, crypto);
    }

    /** A CA on a data source the test prepared (say, one whose connections default to another isolation). */
    public static TestCa open(DataSource dataSource, CaSettings settings, Clock clock, NativeCrypto crypto) {
        List<CaEvent> events = new CopyOnWriteArrayList<>();
        CertificateAuthority ca = CertificateAuthority.builder()
                .dataSource(dataSource)
                .settings(settings)
                .keyStore(CaKeyStore.pkcs12(settings.dataDir().resolve("ca-keys.p12"), PASSPHRASE))
                .events(events::add)
                .clock(clock)
                .random(new SecureRandom())
                .nativeCrypto(crypto)
                .open();
        return new TestCa(ca, events, settings, settings.dataDir());
    }

    /** A custody certificate issued by "admin" whose holder then chose {@code pin}, as in production. */
    public vn.kyso.ca.CertificateRecord custody(long subscriber, String profile, char[] pin, boolean allowExport) {
        vn.kyso.ca.CertificateRecord record = ca.issueWithCustody("admin",
                new vn.kyso.ca.CustodyIssueRequest(subscriber, profile, allowExport));
        ca.choosePin("holder", record.serial(), pin);
        return record;
    }

    public long officer(String cccd) {
        return ca.registerOfficer("admin", new NewOfficer("Nguyễn Văn Ất", "Phó Giám đốc", cccd,
                "nva" + cccd.substring(8) + "@camau.gov.vn", "AG-STP")).id();
    }

    public long agency(String mst) {
        return ca.registerAgency("admin", new NewAgency("Sở Tư pháp tỉnh Cà Mau", "Ủy ban nhân dân tỉnh Cà Mau",
                mst, "stp@camau.gov.vn", "AG-STP")).id();
    }

    public <T extends CaEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
