package vn.kyso.signing;

/**
 * How a signature looks on the page (Decree 30/2020 layouts). Placeholder: the appearance work
 * defines the layouts (personal signature, agency seal, text stamps for appendix and copy)
 * as records implementing this interface.
 */
public interface VisibleSignature {
}
