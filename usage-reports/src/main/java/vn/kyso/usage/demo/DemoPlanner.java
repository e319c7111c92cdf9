package vn.kyso.usage.demo;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.kyso.signing.PadesLevel;
import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.Channel;
import vn.kyso.usage.DemoPlan;
import vn.kyso.usage.DemoPlan.PlannedCertificate;
import vn.kyso.usage.DemoPlan.PlannedSignature;
import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageClass;

/**
 * Plans the demo province as it stood in 2018: 967 certificates (265 agency, 702 personal) and
 * a year of signing (the 12 full months before the clock's month) in which exactly 280 are
 * regular under the default policy. Units differ: each district and agency gets its own
 * propensity, so some do far better than others; a few certificates sign heavily, many lie
 * dormant or were never used. The same units, clock and seed give the same plan (demo data, so
 * {@link Random} with a seed, not a SecureRandom).
 */
public final class DemoPlanner {

    public static final int AGENCY_CERTIFICATES = 265;
    public static final int PERSONAL_CERTIFICATES = 702;
    public static final int REGULAR = 280;
    static final int OCCASIONAL = 236;
    static final int DORMANT = 221;
    static final int HEAVY_USERS = 12;

    private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi",
        "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Lý", "Tô", "Lâm" };
    private static final String[] MIDDLE = { "Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Thu", "Hữu",
        "Kim" };
    private static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Hương",
        "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang",
        "Tuấn", "Vy", "Yến", "Đức", "Ánh", "Lộc", "Nhung" };

    private final ZoneId zone;

    public DemoPlanner(ZoneId zone) {
        this.zone = zone;
    }

    public DemoPlan plan(List<Unit> units, Clock clock, long seed) {
        Random random = new Random(seed);
        ReportRequest period = ReportRequest.lastTwelveMonths(clock, zone);
        List<Slot> slots = allocate(units, random);
        choose(slots, random);
        List<PlannedCertificate> certificates = new ArrayList<>();
        List<PlannedSignature> signatures = new ArrayList<>();
        YearMonth first = YearMonth.from(period.from());
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            LocalDate issued = period.from().minusMonths(7 + random.nextInt(13)).minusDays(random.nextInt(28));
            Instant notBefore = issued.atTime(9, 0).atZone(zone).toInstant();
            Instant notAfter = issued.plusYears(s.kind == CertificateKind.AGENCY ? 5 : 3).atTime(9, 0).atZone(zone)
                    .toInstant();
            String owner = s.kind == CertificateKind.AGENCY ? s.unit.name() : personName(random);
            certificates.add(new PlannedCertificate(i, s.kind, s.unit.code(), subject(s, owner, random), owner,
                    mail(owner, s.unit, i), notBefore, notAfter, s.intended));
            switch (s.intended) {
                case REGULAR -> {
                    int months = s.heavy ? 12 : 6 + random.nextInt(7);
                    for (YearMonth m : pick(first, 12, months, random)) {
                        int n = s.heavy ? 40 + random.nextInt(80)
                                : 1 + random.nextInt(s.kind == CertificateKind.AGENCY ? 20 : 10);
                        sign(i, m, n, null, random, signatures);
                    }
                }
                case OCCASIONAL -> {
                    for (YearMonth m : pick(first, 12, 1 + random.nextInt(5), random)) {
                        sign(i, m, 1 + random.nextInt(3), null, random, signatures);
                    }
                }
                case DORMANT -> {
                    // signed in the months after issuance, then stopped before the period
                    YearMonth start = YearMonth.from(issued).plusMonths(1);
                    int span = (int) java.time.temporal.ChronoUnit.MONTHS.between(start, first);
                    for (YearMonth m : pick(start, span, 1 + random.nextInt(Math.min(4, span)), random)) {
                        sign(i, m, 1 + random.nextInt(4), issued, random, signatures);
                    }
                }
                case NEVER_USED -> { }
            }
        }
        signatures.sort(Comparator.comparing(PlannedSignature::at));
        return new DemoPlan(seed, period.from(), period.to(), certificates, signatures);
    }

    /** A certificate to be, before its details are drawn. */
    private static final class Slot {
        final Unit unit;
        final CertificateKind kind;
        final double weight;
        UsageClass intended = UsageClass.NEVER_USED;
        boolean heavy;

        Slot(Unit unit, CertificateKind kind, double weight) {
            this.unit = unit;
            this.kind = kind;
            this.weight = weight;
        }
    }

    /** Spreads 265 agency and 702 personal certificates over the units, each with a use propensity. */
    private static List<Slot> allocate(List<Unit> units, Random random) {
        Map<String, Double> propensity = new HashMap<>();
        List<Unit> districts = units.stream().filter(u -> u.kind() == Unit.Kind.DISTRICT).toList();
        double[] districtShares = { 0.95, 0.8, 0.6, 0.45, 0.35, 0.25, 0.18, 0.12, 0.08 };
        List<Unit> shuffled = new ArrayList<>(districts);
        java.util.Collections.shuffle(shuffled, random);
        for (int i = 0; i < shuffled.size(); i++) {
            propensity.put(shuffled.get(i).code(), districtShares[i % districtShares.length]);
        }
        Map<String, Unit> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        List<Slot> slots = new ArrayList<>();
        List<Unit> agencies = units.stream().filter(u -> u.kind() == Unit.Kind.AGENCY).toList();
        List<Unit> communes = units.stream().filter(u -> u.kind() == Unit.Kind.COMMUNE).toList();
        List<Unit> bigUnits = units.stream().filter(u -> u.kind() != Unit.Kind.COMMUNE).toList();
        for (Unit u : units) {
            double w = switch (u.kind()) {
                case PROVINCE -> 0.9;
                case AGENCY -> 0.15 + 0.7 * random.nextDouble();
                case DISTRICT -> propensity.get(u.code());
                case COMMUNE -> 0.6 * propensity.getOrDefault(u.parentKey(), 0.3);
            };
            propensity.put(u.code(), w);
        }
        for (Unit u : units) {
            slots.add(new Slot(u, CertificateKind.AGENCY, propensity.get(u.code()) * 1.4));
        }
        for (Unit u : bigUnits) {
            for (int i = 0; i < 4 && count(slots, CertificateKind.AGENCY) < AGENCY_CERTIFICATES; i++) {
                slots.add(new Slot(u, CertificateKind.AGENCY, propensity.get(u.code()) * 1.4));
            }
        }
        while (count(slots, CertificateKind.AGENCY) < AGENCY_CERTIFICATES) {
            Unit u = communes.get(random.nextInt(communes.size()));
            slots.add(new Slot(u, CertificateKind.AGENCY, propensity.get(u.code()) * 1.4));
        }
        for (Unit u : units) {
            int n = switch (u.kind()) {
                case PROVINCE -> 10;
                case AGENCY -> 18;
                case DISTRICT -> 12;
                case COMMUNE -> 2;
            };
            for (int i = 0; i < n && count(slots, CertificateKind.PERSONAL) < PERSONAL_CERTIFICATES; i++) {
                slots.add(new Slot(u, CertificateKind.PERSONAL, propensity.get(u.code())));
            }
        }
        List<Unit> personalExtra = new ArrayList<>(agencies);
        personalExtra.addAll(districts);
        while (count(slots, CertificateKind.PERSONAL) < PERSONAL_CERTIFICATES) {
            Unit u = personalExtra.get(random.nextInt(personalExtra.size()));
            slots.add(new Slot(u, CertificateKind.PERSONAL, propensity.get(u.code())));
        }
        return slots;
    }

    private static long count(List<Slot> slots, CertificateKind kind) {
        return slots.stream().filter(s -> s.kind == kind).count();
    }

    /**
     * Draws exactly {@link #REGULAR} regular certificates, weighted by propensity (Efraimidis-Spirakis
     * sampling without replacement), then the occasional ones the same way, then dormant ones at random.
     */
    private static void choose(List<Slot> slots, Random random) {
        List<Slot> rest = new ArrayList<>(slots);
        List<Slot> regular = draw(rest, REGULAR, random, true);
        regular.forEach(s -> s.intended = UsageClass.REGULAR);
        regular.stream().sorted(Comparator.comparingDouble((Slot s) -> -s.weight)).limit(HEAVY_USERS)
                .forEach(s -> s.heavy = true);
        draw(rest, OCCASIONAL, random, true).forEach(s -> s.intended = UsageClass.OCCASIONAL);
        draw(rest, DORMANT, random, false).forEach(s -> s.intended = UsageClass.DORMANT);
    }

    private static List<Slot> draw(List<Slot> from, int n, Random random, boolean weighted) {
        Map<Slot, Double> keys = new HashMap<>();
        for (Slot s : from) {
            double w = weighted ? Math.max(0.01, s.weight) : 1.0;
            keys.put(s, Math.pow(random.nextDouble(), 1.0 / w));
        }
        List<Slot> chosen = from.stream().sorted(Comparator.comparingDouble((Slot s) -> -keys.get(s))).limit(n)
                .toList();
        from.removeAll(chosen);
        return chosen;
    }

    /** {@code n} distinct months among the {@code span} months starting at {@code first}. */
    private static List<YearMonth> pick(YearMonth first, int span, int n, Random random) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < span; i++) {
            months.add(first.plusMonths(i));
        }
        java.util.Collections.shuffle(months, random);
        return months.subList(0, Math.min(n, months.size()));
    }

    /** {@code n} signatures on working days of {@code month} (not before {@code notBefore}), office hours. */
    private void sign(int certificate, YearMonth month, int n, LocalDate notBefore, Random random,
            List<PlannedSignature> out) {
        for (int k = 0; k < n; k++) {
            LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.minusDays(1);
            }
            if (day.getMonthValue() != month.getMonthValue() || (notBefore != null && !day.isAfter(notBefore))) {
                day = notBefore != null && !month.atEndOfMonth().isAfter(notBefore) ? notBefore.plusDays(1)
                        : month.atEndOfMonth();
            }
            Instant at = day.atTime(LocalTime.of(7, 30).plusMinutes(random.nextInt(570))).atZone(zone).toInstant();
            int c = random.nextInt(100);
            Channel channel = c < 60 ? Channel.WEB : c < 85 ? Channel.API : Channel.CLI;
            PadesLevel level = random.nextInt(10) < 8 ? PadesLevel.B_LT : PadesLevel.B_T;
            byte[] doc = new byte[32];
            random.nextBytes(doc);
            out.add(new PlannedSignature(certificate, at, channel, level, Duration.ofMillis(300 + random.nextInt(1700)),
                    HexFormat.of().formatHex(doc)));
        }
    }

    private static String subject(Slot s, String owner, Random random) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
        if (s.kind == CertificateKind.AGENCY) {
            b.addRDN(BCStyle.L, "Cà Mau").addRDN(BCStyle.O, "Ủy ban nhân dân tỉnh Cà Mau").addRDN(BCStyle.CN, owner)
                    .addRDN(BCStyle.UID, "MST:" + (2000000000L + random.nextInt(999_999_999)));
        } else {
            b.addRDN(BCStyle.ST, "Cà Mau").addRDN(BCStyle.O, s.unit.name()).addRDN(BCStyle.CN, owner)
                    .addRDN(BCStyle.UID, "CCCD:0960" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)));
        }
        return b.build().toString();
    }

    private static String personName(Random random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** An ASCII mailbox at the province's domain: diacritics removed, Đ as D. */
    private static String mail(String owner, Unit unit, int index) {
        String ascii = Normalizer.normalize(owner.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
        String local = ascii.length() > 30 ? ascii.substring(0, 30) : ascii;
        return local.replaceAll("^\\.|\\.$", "") + "." + index + "@" + unit.code().toLowerCase(Locale.ROOT)
                + ".camau.gov.vn";
    }
}
