/** The kyso service: Spring Boot application, REST API, web console and CLI. */
package vn.kyso.server;
