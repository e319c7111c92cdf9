/** Visible signature appearances laid out as Decree 30/2020 requires, with an embedded Vietnamese font. */
package vn.kyso.signing.appearance;
