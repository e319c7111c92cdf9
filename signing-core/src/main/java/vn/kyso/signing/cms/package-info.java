/**
 * CMS SignedData for PAdES (ETSI.CAdES.detached): signed attributes, signature algorithms,
 * key and certificate checks. Internal to signing-core: not API.
 */
package vn.kyso.signing.cms;
