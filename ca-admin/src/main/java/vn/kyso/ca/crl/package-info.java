/** Full CRLs of the issuing CA with a strictly increasing CRL number shared by every instance on the database. */
package vn.kyso.ca.crl;
