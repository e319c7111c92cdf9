/** Key custody: subscriber keys kept by kyso, sealed under a PIN-derived key and the server master key. */
package vn.kyso.ca.custody;
