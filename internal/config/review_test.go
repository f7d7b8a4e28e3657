package config

import (
	"reflect"
	"testing"
)

// A reload applies only guards; every other section needs a restart. An
// operator who removes a leaked API key and sends SIGHUP must learn that
// the key still works, so the reload has to name each section it could not
// apply, not only upstreams, listen and data_dir.
func TestRestartChanges(t *testing.T) {
	const key1 = "sha256:" + "1111111111111111111111111111111111111111111111111111111111111111"
	const key2 = "sha256:" + "2222222222222222222222222222222222222222222222222222222222222222"
	base := minimal + "auth:\n  mode: api_key\n  api_keys:\n    - {name: ci, hash: " + key1 + "}\n    - {name: old, hash: " + key2 + "}\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"same", base, nil},
		{"guards only", base + "guards: {ratelimit: false}\n", nil},
		{"leaked key removed", minimal + "auth:\n  mode: api_key\n  api_keys:\n    - {name: ci, hash: " + key1 + "}\n", []string{"auth"}},
		{"limits and origins", base + "limits: {max_sessions: 5}\nhttp: {allowed_origins: ['https://a.example']}\n", []string{"http", "limits"}},
		{"mirror, metrics, log, path", base + "audit: {mirror: m.jsonl}\nmetrics: {enabled: false}\nlog: {level: debug}\npath: /x\n", []string{"audit", "log", "metrics", "path"}},
		{"listen and data_dir", base + "listen: 127.0.0.1:9\ndata_dir: d\n", []string{"data_dir", "listen"}},
	}
	running, err := Parse("w.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("w.yaml", []byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if got := c.RestartChanges(running); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("RestartChanges = %q, want %q", got, tt.want)
			}
		})
	}
	other, err := Parse("w.yaml", []byte("version: 1\nupstreams:\n  - name: files\n    command: [server, --v2]\n"))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Parse("w.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if got := other.RestartChanges(plain); !reflect.DeepEqual(got, []string{"upstreams"}) {
		t.Fatalf("RestartChanges after an upstream change = %q", got)
	}
}

// Every top-level key but guards needs a restart; a key added to Config
// must be added to RestartChanges too.
func TestRestartChangesCoversConfig(t *testing.T) {
	typ := reflect.TypeFor[Config]()
	var keys []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.IsExported() && f.Name != "Guards" {
			keys = append(keys, f.Name)
		}
	}
	if len(keys) != 11 {
		t.Fatalf("Config has top-level keys %v; RestartChanges compares 11: update it", keys)
	}
}
