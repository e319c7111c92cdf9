/** The province's certificate authority; its public API is this package. */
package vn.kyso.ca;
