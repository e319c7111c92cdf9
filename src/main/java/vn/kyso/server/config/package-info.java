/** The service's settings ({@code kyso.*}) and the beans every feature shares, such as the clock. */
package vn.kyso.server.config;
