/** usage-reports in the service: its wiring to the CA and signing events, the report and import API, the auditor's dashboard. */
package vn.kyso.server.usage;
