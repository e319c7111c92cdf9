/** The administrative units (province, agencies, districts, communes) certificates belong to. */
package vn.kyso.usage.units;
