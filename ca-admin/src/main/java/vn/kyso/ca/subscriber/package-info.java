/** Subscribers (officers and agencies) and the administrative units they belong to, with effective dates. */
package vn.kyso.ca.subscriber;
