/** Demo mode ({@code kyso --demo}): the Cà Mau province of 2018 with 967 certificates and a year of signing history. */
package vn.kyso.server.demo;
