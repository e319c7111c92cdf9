package vn.kyso.ca.testing;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

import vn.kyso.ca.Oids;

/**
 * The RFC 5280 rules that matter for kyso's profiles, as x509lint, pkilint and zlint check them:
 * every OID's arcs below 2^28 (Appendix B), a positive serial of at most 20 octets (4.1.2.2),
 * validity (4.1.2.5), AKI/SKI (4.2.1.1-2), key usage present and critical (4.2.1.3), basic
 * constraints (4.2.1.9), EKU on end entities, the policy chain (6.1) and subjects without
 * duplicate attributes or an emailAddress that only repeats subjectAltName. Returns the problems.
 */
public final class CertificateLint {

    private static final String ANY_POLICY = "2.5.29.32.0";

    private CertificateLint() {
    }

    /** What kind of certificate {@link #check} expects. */
    public enum Kind { ROOT, ISSUING_CA, END_ENTITY }

    /**
     * @param issuer the certificate that issued {@code cert} (itself for a root)
     */
    public static List<String> check(X509Certificate cert, X509Certificate issuer, Kind kind) {
        List<String> problems = new ArrayList<>();
        try {
            JcaX509CertificateHolder holder = new JcaX509CertificateHolder(cert);
            TBSCertificate tbs = holder.toASN1Structure().getTBSCertificate();
            Extensions ext = holder.getExtensions();
            oidArcs(tbs, problems);
            serial(tbs.getSerialNumber(), problems);
            validity(tbs.getStartDate(), tbs.getEndDate(), problems);
            if (cert.getVersion() != 3) {
                problems.add("not a version 3 certificate");
            }
            keyIdentifiers(cert, issuer, ext, kind, problems);
            keyUsage(ext, kind, problems);
            basicConstraints(ext, kind, problems);
            if (kind == Kind.END_ENTITY && ext.getExtension(Extension.extendedKeyUsage) == null) {
                problems.add("an end-entity certificate without extendedKeyUsage");
            }
            policies(ext, new JcaX509CertificateHolder(issuer).getExtensions(), kind, problems);
            subject(holder.getSubject(), ext, problems);
        } catch (Exception e) {
            problems.add("cannot be read: " + e);
        }
        return problems;
    }

    private static void oidArcs(ASN1Encodable node, List<String> problems) {
        ASN1Primitive p = node.toASN1Primitive();
        if (p instanceof ASN1ObjectIdentifier oid) {
            if (!Oids.hasSmallArcs(oid.getId())) {
                problems.add("OID " + oid.getId() + " has an arc of 2^28 or more");
            }
        } else if (p instanceof ASN1Sequence seq) {
            for (ASN1Encodable e : seq) {
                oidArcs(e, problems);
            }
        } else if (p instanceof ASN1Set set) {
            for (ASN1Encodable e : set) {
                oidArcs(e, problems);
            }
        } else if (p instanceof ASN1TaggedObject tagged && tagged.isExplicit()) {
            oidArcs(tagged.getBaseObject(), problems);
        } else if (p instanceof ASN1OctetString octets) {
            // extension values are DER inside OCTET STRING
            try {
                oidArcs(ASN1Primitive.fromByteArray(octets.getOctets()), problems);
            } catch (Exception notDer) {
                // an OCTET STRING of plain bytes (a key identifier)
            }
        }
    }

    private static void serial(ASN1Integer serial, List<String> problems) {
        BigInteger value = serial.getValue();
        if (value.signum() <= 0) {
            problems.add("serial number not positive");
        }
        if (value.toByteArray().length > 20) {
            problems.add("serial number longer than 20 octets");
        }
    }

    private static void validity(Time from, Time to, List<String> problems) {
        if (!from.getDate().before(to.getDate())) {
            problems.add("notBefore is not before notAfter");
        }
        for (Time t : new Time[] {from, to}) {
            boolean utc = t.toASN1Primitive() instanceof ASN1UTCTime;
            boolean before2050 = t.getDate().toInstant().isBefore(java.time.Instant.parse("2050-01-01T00:00:00Z"));
            if (utc != before2050) {
                problems.add("validity time " + t.getDate().toInstant() + " must be " + (before2050 ? "UTCTime" : "GeneralizedTime"));
            }
        }
    }

    private static void keyIdentifiers(X509Certificate cert, X509Certificate issuer, Extensions ext, Kind kind,
                                       List<String> problems) throws Exception {
        Extension ski = ext.getExtension(Extension.subjectKeyIdentifier);
        if (ski == null) {
            problems.add("no subjectKeyIdentifier");
        } else if (ski.isCritical()) {
            problems.add("subjectKeyIdentifier is critical");
        }
        Extension aki = ext.getExtension(Extension.authorityKeyIdentifier);
        if (kind == Kind.ROOT) {
            return;
        }
        if (aki == null) {
            problems.add("no authorityKeyIdentifier");
            return;
        }
        if (aki.isCritical()) {
            problems.add("authorityKeyIdentifier is critical");
        }
        byte[] keyId = AuthorityKeyIdentifier.getInstance(aki.getParsedValue()).getKeyIdentifier();
        Extension issuerSki = new JcaX509CertificateHolder(issuer).getExtensions()
                .getExtension(Extension.subjectKeyIdentifier);
        if (keyId == null || issuerSki == null || !Arrays.equals(keyId,
                SubjectKeyIdentifier.getInstance(issuerSki.getParsedValue()).getKeyIdentifier())) {
            problems.add("authorityKeyIdentifier does not match the issuer's subjectKeyIdentifier");
        }
    }

    private static void keyUsage(Extensions ext, Kind kind, List<String> problems) {
        Extension ku = ext.getExtension(Extension.keyUsage);
        if (ku == null) {
            problems.add("no keyUsage");
            return;
        }
        if (!ku.isCritical()) {
            problems.add("keyUsage is not critical");
        }
        org.bouncycastle.asn1.x509.KeyUsage usage = org.bouncycastle.asn1.x509.KeyUsage.getInstance(ku.getParsedValue());
        boolean certSign = usage.hasUsages(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign);
        if (kind != Kind.END_ENTITY && !certSign) {
            problems.add("a CA certificate without keyCertSign");
        }
        if (kind == Kind.END_ENTITY && certSign) {
            problems.add("an end-entity certificate with keyCertSign");
        }
    }

    private static void basicConstraints(Extensions ext, Kind kind, List<String> problems) {
        Extension bc = ext.getExtension(Extension.basicConstraints);
        if (kind == Kind.END_ENTITY) {
            if (bc != null && BasicConstraints.getInstance(bc.getParsedValue()).isCA()) {
                problems.add("an end-entity certificate with cA true");
            }
            return;
        }
        if (bc == null || !bc.isCritical() || !BasicConstraints.getInstance(bc.getParsedValue()).isCA()) {
            problems.add("a CA certificate without critical basicConstraints cA true");
        }
    }

    private static void policies(Extensions ext, Extensions issuerExt, Kind kind, List<String> problems) {
        if (kind == Kind.ROOT) {
            return; // a trust anchor takes no part in RFC 5280 policy processing
        }
        Set<String> own = policyOids(ext);
        if (own.isEmpty()) {
            problems.add("no certificatePolicies: explicit-policy validation ends with no valid policy");
            return;
        }
        if (kind == Kind.END_ENTITY) {
            Set<String> issuerPolicies = policyOids(issuerExt);
            if (!issuerPolicies.contains(ANY_POLICY) && !issuerPolicies.containsAll(own)) {
                problems.add("policies " + own + " are not all asserted by the issuing CA " + issuerPolicies);
            }
        }
    }

    static Set<String> policyOids(Extensions ext) {
        Set<String> oids = new HashSet<>();
        if (ext == null || ext.getExtension(Extension.certificatePolicies) == null) {
            return oids;
        }
        for (PolicyInformation pi : CertificatePolicies.fromExtensions(ext).getPolicyInformation()) {
            oids.add(pi.getPolicyIdentifier().getId());
        }
        return oids;
    }

    private static void subject(X500Name subject, Extensions ext, List<String> problems) {
        Set<ASN1ObjectIdentifier> types = new HashSet<>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (!types.add(atv.getType())) {
                    problems.add("subject attribute " + BCStyle.INSTANCE.oidToDisplayName(atv.getType()) + " appears twice");
                }
            }
        }
        String o = value(subject, BCStyle.O);
        String ou = value(subject, BCStyle.OU);
        if (o != null && o.equals(ou)) {
            problems.add("OU repeats O");
        }
        String email = value(subject, BCStyle.EmailAddress);
        GeneralNames san = ext.getExtension(Extension.subjectAlternativeName) == null ? null
                : GeneralNames.getInstance(ext.getExtension(Extension.subjectAlternativeName).getParsedValue());
        if (email != null && san != null && Arrays.stream(san.getNames()).anyMatch(n -> n.getTagNo() == GeneralName.rfc822Name
                && email.equalsIgnoreCase(n.getName().toString()))) {
            problems.add("emailAddress in the subject repeats subjectAltName");
        }
    }

    private static String value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
