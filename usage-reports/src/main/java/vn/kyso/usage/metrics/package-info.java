/** Micrometer meters for signing and usage: a binder the service attaches to its registry. */
package vn.kyso.usage.metrics;
