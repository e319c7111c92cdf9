/**
 * Who may do what: accounts with roles, password login for the console, per-user bearer tokens
 * and HTTP Basic for the API, and the rules that deny every endpoint unless one allows it.
 */
package vn.kyso.server.security;
