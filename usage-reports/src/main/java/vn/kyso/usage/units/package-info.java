/**
 * The administrative units certificates belong to, read through the {@link vn.kyso.usage.UnitHistory}
 * port from the province's dated directory (the CA's): which unit a code meant on a day, and which
 * unit of today carries an earlier one on.
 */
package vn.kyso.usage.units;
