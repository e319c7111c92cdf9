/** Full CRLs of the issuing CA and of the root (over CA certificates), each with a strictly increasing CRL number shared by every instance on the database. */
package vn.kyso.ca.crl;
