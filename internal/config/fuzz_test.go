package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	if b, err := os.ReadFile("../../examples/warden.yaml"); err == nil {
		f.Add(b)
	}
	f.Add(defaultDoc)
	f.Add([]byte("version: 1\nupstreams:\n  - {name: a, url: 'http://h/', headers: {A: '${env:X}'}}\nguards: {g: {enabled: false, x: [1, &a {b: *a}]}}\n"))
	f.Add([]byte("version: 1\nauth: {mode: oauth, resource: 'https://m/mcp', issuer: 'https://i', algorithms: [ES256], scopes: [{scope: s, tools: ['*']}], introspection: {client_id: c, client_secret: '${env:X}'}}\nupstreams:\n  - {name: a, url: 'https://h/', auth: {type: client_credentials, token_url: 'https://i/t', client_id: c, client_secret: '${env:X}'}}\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("version: 1\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang is a failure too: report the input rather than stall.
		done := make(chan struct{})
		go func() {
			defer close(done)
			checkParse(t, data)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			panic(fmt.Sprintf("Parse did not finish within 5s on %q", data))
		}
	})
}

func checkParse(t *testing.T, data []byte) {
	{
		c, err := Parse("f.yaml", data)
		if err != nil {
			var cerr *Error
			if !errors.As(err, &cerr) || len(cerr.Problems) == 0 {
				t.Errorf("error %T %v is not an *Error with problems", err, err)
			}
			for _, p := range cerr.Problems {
				if p.Msg == "" || p.File != "f.yaml" || !strings.HasPrefix(p.String(), "f.yaml") {
					t.Errorf("malformed problem %+v", p)
				}
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Errorf("Parse accepted a config that Validate rejects: %v", err)
		}
		if len(c.Upstreams) == 0 {
			t.Error("accepted a config without upstreams")
		}
		_ = c.Relaxations()
		for name := range c.Guards {
			var v map[string]any
			_ = c.Guard(name).Decode(&v)
		}
	}
}
