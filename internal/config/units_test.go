package config

import (
	"strings"
	"testing"
)

func TestByteSize(t *testing.T) {
	tests := []struct {
		in      string
		want    ByteSize
		wantErr string
	}{
		{"0", 0, ""},
		{"1048576", MiB, ""},
		{"4MiB", 4 * MiB, ""},
		{"4 mib", 4 * MiB, ""},
		{"512KiB", 512 * KiB, ""},
		{"2GiB", 2 * GiB, ""},
		{"10KB", 10000, ""},
		{"3MB", 3000000, ""},
		{"1GB", 1000000000, ""},
		{"7B", 7, ""},
		{"", 0, "expected a size"},
		{"-1", 0, "expected a size"},
		{"1.5MiB", 0, "unknown size unit"},
		{"4 TiB", 0, "unknown size unit"},
		{"99999999999999GiB", 0, "too large"},
		{"99999999999999999999", 0, "too large"},
	}
	for _, tt := range tests {
		got, err := ParseByteSize(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseByteSize(%q) = %v, %v; want error %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseByteSize(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if back, err := ParseByteSize(got.String()); err != nil || back != got {
			t.Errorf("String round trip of %d: %q -> %v, %v", got, got.String(), back, err)
		}
	}
}
