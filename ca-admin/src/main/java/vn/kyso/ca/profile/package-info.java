/** Certificate profiles: subjects built from subscriber records, extensions, validity, serial numbers. */
package vn.kyso.ca.profile;
