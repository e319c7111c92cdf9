package vn.kyso.signing.verify;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

/**
 * The RFC 5280 §6.1 path rules beyond validity and CA flags: every critical extension must be
 * one the verifier recognises, a CA's basicConstraints pathLenConstraint bounds the CA
 * certificates below it, and name constraints bound the names (subject DN and alternative
 * names) of every certificate below the CA that sets them. Trust anchors' constraints apply too:
 * an anchor that limits its path length or names is taken at its word.
 */
final class PathConstraints {

    private static final String NAME_CONSTRAINTS = "2.5.29.30";

    /**
     * Extensions whose meaning the verifier knows. Certificate policies (and the policy
     * constraints, mappings and inhibit-any-policy that qualify them) are recognised: kyso
     * validates with the initial policy set any-policy and requires no explicit policy.
     */
    private static final Set<String> RECOGNISED = Set.of(
            "2.5.29.15", // keyUsage
            "2.5.29.19", // basicConstraints
            "2.5.29.37", // extKeyUsage
            NAME_CONSTRAINTS,
            "2.5.29.17", // subjectAltName
            "2.5.29.18", // issuerAltName
            "2.5.29.32", // certificatePolicies
            "2.5.29.33", // policyMappings
            "2.5.29.36", // policyConstraints
            "2.5.29.54", // inhibitAnyPolicy
            "2.5.29.14", // subjectKeyIdentifier
            "2.5.29.35", // authorityKeyIdentifier
            "2.5.29.31", // cRLDistributionPoints
            "2.5.29.9", // subjectDirectoryAttributes
            "1.3.6.1.5.5.7.1.1", // authorityInfoAccess
            "1.3.6.1.5.5.7.1.3", // qcStatements
            "1.3.6.1.5.5.7.48.1.5"); // id-pkix-ocsp-nocheck

    private PathConstraints() {
    }

    /** Why {@code path} (end entity first, anchor last) breaks a rule, or null. */
    static String problem(List<X509Certificate> path) {
        for (X509Certificate c : path) {
            Set<String> critical = c.getCriticalExtensionOIDs();
            if (critical != null) {
                for (String oid : critical) {
                    if (!RECOGNISED.contains(oid)) {
                        return "certificate " + Names.subject(c) + " has a critical extension the verifier does not know ("
                                + oid + ")";
                    }
                }
            }
        }
        String length = pathLength(path);
        return length != null ? length : names(path);
    }

    private static String pathLength(List<X509Certificate> path) {
        int intermediatesBelow = 0; // non-self-issued CA certificates between this CA and the end entity
        for (int i = 1; i < path.size(); i++) {
            X509Certificate ca = path.get(i);
            int limit = ca.getBasicConstraints();
            if (limit >= 0 && intermediatesBelow > limit) {
                return "certificate " + Names.subject(ca) + " allows " + limit + " CA certificate(s) below it"
                        + " (basicConstraints pathLenConstraint) but the path has " + intermediatesBelow;
            }
            if (!selfIssued(ca)) {
                intermediatesBelow++;
            }
        }
        return null;
    }

    private static String names(List<X509Certificate> path) {
        boolean any = false;
        for (X509Certificate c : path) {
            any |= c.getExtensionValue(NAME_CONSTRAINTS) != null;
        }
        if (!any) {
            return null; // the common case: nothing to parse
        }
        PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
        boolean constrained = false;
        for (int i = path.size() - 1; i >= 0; i--) {
            X509Certificate c = path.get(i);
            if (constrained && (i == 0 || !selfIssued(c))) {
                String problem = check(validator, c);
                if (problem != null) {
                    return problem;
                }
            }
            byte[] ext = c.getExtensionValue(NAME_CONSTRAINTS);
            if (ext != null) {
                NameConstraints nc = NameConstraints.getInstance(ASN1OctetString.getInstance(ext).getOctets());
                if (nc.getPermittedSubtrees() != null) {
                    validator.intersectPermittedSubtree(nc.getPermittedSubtrees());
                }
                if (nc.getExcludedSubtrees() != null) {
                    for (GeneralSubtree excluded : nc.getExcludedSubtrees()) {
                        validator.addExcludedSubtree(excluded);
                    }
                }
                constrained = true;
            }
        }
        return null;
    }

    private static String check(PKIXNameConstraintValidator validator, X509Certificate c) {
        try {
            X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
            if (subject.getRDNs().length > 0) {
                GeneralName dn = new GeneralName(subject);
                validator.checkPermitted(dn);
                validator.checkExcluded(dn);
            }
            byte[] san = c.getExtensionValue("2.5.29.17");
            if (san != null) {
                for (GeneralName name : org.bouncycastle.asn1.x509.GeneralNames
                        .getInstance(ASN1OctetString.getInstance(san).getOctets()).getNames()) {
                    validator.checkPermitted(name);
                    validator.checkExcluded(name);
                }
            }
            return null;
        } catch (NameConstraintValidatorException e) {
            return "certificate " + Names.subject(c) + " has a name outside its issuers' name constraints ("
                    + e.getMessage() + ")";
        } catch (RuntimeException e) {
            return "the names of certificate " + Names.subject(c) + " cannot be checked against name constraints";
        }
    }

    private static boolean selfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }
}
