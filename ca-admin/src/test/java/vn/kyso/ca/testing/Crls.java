package vn.kyso.ca.testing;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import vn.kyso.ca.PublishedCrl;

/**
 * What tests of CRL ordering need: the serials a CRL lists, and the issuing CA's CRL counter read
 * under its row lock, the lock every publisher takes to draw its number.
 */
public final class Crls {

    private Crls() {
    }

    public static Set<BigInteger> serials(PublishedCrl crl) {
        try {
            X509CRL x = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(crl.der()));
            Set<BigInteger> out = new HashSet<>();
            if (x.getRevokedCertificates() != null) {
                for (X509CRLEntry e : x.getRevokedCertificates()) {
                    out.add(e.getSerialNumber());
                }
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Locks the counter in the connection's open transaction (held until it ends: publishers wait to
     * draw meanwhile) and returns how many numbers were drawn before, waiting for a draw in flight.
     */
    public static long lockCounter(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT counter_value FROM ca_counter WHERE name = 'crl_number' FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * How many CRL numbers were drawn before this call took the counter's lock: every CRL numbered
     * higher drew its number after the call.
     */
    public static long numbersDrawn(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return lockCounter(c);
            } finally {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
