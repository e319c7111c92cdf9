"""Where a JFR recording's samples in kyso's OCSP responder go (used by ocsp-profile.sh).

stdin: `jfr print --json --events jdk.ExecutionSample|jdk.NativeMethodSample rec.jfr`; argv[1]: a label.
Prints the samples of the OCSP threads (the listener's, Tomcat's workers), those under
OcspResponder.respond by part, and the leaf methods most sampled under it.
"""
import collections
import json
import sys

# the first of these parts (in this order) that has a method between OcspResponder.respond and the
# sampled leaf names the sample's part
PARTS = [
    ("status lookup (JDBC, H2)", ("CertificateRegister.status",)),
    ("making a signature engine", ("SignaturePool.take", "SigningCredential.signature",
                                   "SigningCredential.contentSigner", "JcaContentSignerBuilder.")),
    ("signature", ("SignaturePool.sign", "Signature.sign", "Signature.update", "EvpSignature.",
                   "SignatureOutputStream.")),
    ("usage event", (".publish", "OcspResponder.lambda")),
    ("request parsing (Bouncy Castle)", ("OcspResponder.parse", "OcspResponder.acceptableNonce", "OCSPReq.",
                                         "CertificateID.", "Req.")),
    ("CertID re-encoded for the answer", ("ASN1Object.getEncoded",)),
    ("DER encoding (nonce)", ("Extensions.",)),
    ("DER encoding (response)", ("ResponseEncoder.",)),
    ("issuer match", ("IssuerMatch.",)),
    ("responder credential check", ("OcspResponder.signer", "Hierarchy.ocsp")),
]


def name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".").rsplit(".", 1)[-1] + "." + method["name"]


def part(names):
    """names: leaf first."""
    below = names[:names.index("OcspResponder.respond")]
    for label, markers in PARTS:
        if any(callee.startswith(m) or (m.startswith(".") and m in callee) for callee in below for m in markers):
            return label
    return "responder, other"


def main():
    label = sys.argv[1] if len(sys.argv) > 1 else "samples"
    events = json.load(sys.stdin)["recording"]["events"]
    threads = collections.Counter()
    parts = collections.Counter()
    leaves = collections.Counter()
    by_part_leaves = collections.defaultdict(collections.Counter)
    total = 0
    for event in events:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        if not (thread.startswith("ocsp") or "exec" in thread or "nio" in thread.lower()):
            continue
        frames = (values.get("stackTrace") or {}).get("frames") or []
        names = [name(f) for f in frames]
        total += 1
        threads[thread.rstrip("0123456789-")] += 1
        if "OcspResponder.respond" in names:
            p = part(names)
            parts[p] += 1
            leaf = names[0] if names else "?"
            leaves[leaf] += 1
            by_part_leaves[p][leaf] += 1
        else:
            parts["outside the responder (HTTP, socket)"] += 1
    print(f"== {label} samples of the OCSP threads: {total}")
    for thread, n in threads.most_common():
        print(f"   thread {thread}: {n}")
    inside = total - parts["outside the responder (HTTP, socket)"]
    for p, n in parts.most_common():
        share = f"{100 * n / inside:.0f} % of the responder's" if p.startswith("outside") is False and inside else ""
        print(f"{n:7d}  {100 * n / max(total, 1):5.1f} %  {p}  {share}")
    print("   most sampled leaf methods under OcspResponder.respond:")
    for leaf, n in leaves.most_common(15):
        print(f"{n:7d}  {leaf}")
    for p in ("status lookup (JDBC, H2)", "responder, other", "usage event"):
        if by_part_leaves[p]:
            print(f"   leaves of '{p}':")
            for leaf, n in by_part_leaves[p].most_common(8):
                print(f"{n:7d}  {leaf}")


if __name__ == "__main__":
    main()
