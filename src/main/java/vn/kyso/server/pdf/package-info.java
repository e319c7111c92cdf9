/**
 * What the service's PDF reports share (the usage report, the verification report): A4 pages
 * written from top to bottom in the Liberation Serif font signing-core ships, for Vietnamese.
 */
package vn.kyso.server.pdf;
