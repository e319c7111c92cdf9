/** Report exports: CSV (Apache Commons CSV) and XLSX (Apache POI), in Vietnamese or English. */
package vn.kyso.usage.export;
