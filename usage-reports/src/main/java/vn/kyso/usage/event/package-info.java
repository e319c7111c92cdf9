/** Usage events, each stored once, and the daily and monthly rollups kept beside them. */
package vn.kyso.usage.event;
