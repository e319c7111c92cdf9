/**
 * What every HTTP exchange shares: errors as RFC 9457 problems in the request's language,
 * language choice (Vietnamese by default), request ids in the logs, and the console's shell.
 */
package vn.kyso.server.web;
