/** Regular-use reports, computed from the monthly and daily rollups (never from raw events). */
package vn.kyso.usage.report;
