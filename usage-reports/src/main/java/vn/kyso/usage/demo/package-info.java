/** The demo province: 967 certificates and a year of signing in which exactly 280 are regular. */
package vn.kyso.usage.demo;
