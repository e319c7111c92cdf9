#!/usr/bin/env python3
"""Writes COUNT issuance requests, one JSON body a line, each with a CSR for a key of its own
(P-256 by default, or rsa-2048), for issuance-over-http.sh: kyso certifies one public key for one
subscriber only (issue 13), and a real load brings a new key with every request.
Usage: csr-bodies.py SUBSCRIBER_ID COUNT OUT [ec-p256|rsa-2048]   (needs python3-cryptography)"""
import json
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

subscriber, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
kind = sys.argv[4] if len(sys.argv) > 4 else "ec-p256"
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ignored")])
with open(out, "w") as f:
    for _ in range(count):
        key = ec.generate_private_key(ec.SECP256R1()) if kind == "ec-p256" else rsa.generate_private_key(65537, 2048)
        csr = x509.CertificateSigningRequestBuilder().subject_name(name).sign(key, hashes.SHA256())
        pem = csr.public_bytes(serialization.Encoding.PEM).decode()
        f.write(json.dumps({"subscriberId": subscriber, "profile": "personal", "csr": pem}) + "\n")
