// Parses every certificate with Go's crypto/x509 (the first two arguments are the root and the
// issuing CA) and verifies each one below the root to it. Go before 1.22 refuses a certificate
// whose policy OIDs have an arc of 2^31 or more; this is the check that such a regression shows.
package main

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
)

func load(name string) (*x509.Certificate, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, fmt.Errorf("no PEM block")
	}
	return x509.ParseCertificate(block.Bytes)
}

func main() {
	failed := false
	roots := x509.NewCertPool()
	intermediates := x509.NewCertPool()
	var certs []*x509.Certificate
	var names []string
	for i, name := range os.Args[1:] {
		cert, err := load(name)
		if err != nil {
			fmt.Printf("FAIL %s: %v\n", name, err)
			failed = true
			continue
		}
		switch i {
		case 0:
			roots.AddCert(cert)
		case 1:
			intermediates.AddCert(cert)
		}
		certs = append(certs, cert)
		names = append(names, name)
	}
	for i, cert := range certs {
		if i == 0 && names[0] == os.Args[1] {
			fmt.Printf("OK %s parsed\n", names[i])
			continue
		}
		_, err := cert.Verify(x509.VerifyOptions{Roots: roots, Intermediates: intermediates,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
		if err != nil {
			fmt.Printf("FAIL %s: %v\n", names[i], err)
			failed = true
			continue
		}
		fmt.Printf("OK %s parsed and verified\n", names[i])
	}
	if failed {
		os.Exit(1)
	}
}
