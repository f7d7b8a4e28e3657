// Package model holds the classifier weights embedded in the binary. They
// are produced by internal/detect/cmd/train; see README.md here.
package model

import _ "embed"

// Poisoning is the gzip-compressed tool-poisoning model (detect.LoadModel).
//
//go:embed poisoning.bin
var Poisoning []byte

// Injection is the gzip-compressed prompt-injection model for documents
// and tool outputs (detect.NewInjection).
//
//go:embed injection.bin
var Injection []byte
