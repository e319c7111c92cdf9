/** Usage events, certificate inventory and regular-use reports; its public API is this package. */
package vn.kyso.usage;
