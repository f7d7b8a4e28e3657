package helpdesk

import (
	"bytes"
	_ "embed"
)

//go:embed warden.yaml
var wardenConfig []byte

// ConfigName is how messages name the embedded configuration.
const ConfigName = "examples/helpdesk/warden.yaml"

// Config returns the shipped Warden configuration for the helpdesk
// (warden.yaml in this directory), which `warden demo` runs with.
func Config() []byte { return bytes.Clone(wardenConfig) }
