/** The {@code kyso sign} and {@code kyso verify} command line, started without Spring. */
package vn.kyso.server.cli;
