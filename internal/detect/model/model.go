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

// Task is the gzip-compressed task-sentence model of the injection
// detector: it scores sentences that ask an AI for a generic task
// ("What is the capital of Brazil?"); see docs/injection.md.
//
//go:embed task.bin
var Task []byte
