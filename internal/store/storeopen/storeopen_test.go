package storeopen

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestOpen(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	dir := t.TempDir()
	tests := []struct {
		dsn     string
		file    string // expected file for sqlite
		wantErr string
	}{
		{dsn: dir, file: filepath.Join(dir, "warden.db")},
		{dsn: "sqlite:" + filepath.Join(dir, "x.db"), file: filepath.Join(dir, "x.db")},
		{dsn: "postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=2", wantErr: "postgres: connecting"},
		{dsn: "", wantErr: "empty database path"},
	}
	for _, tt := range tests {
		s, err := Open(ctx, tt.dsn)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Open(%q) = %v, want error containing %q", tt.dsn, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Open(%q): %v", tt.dsn, err)
		}
		s.Close()
		if _, err := os.Stat(tt.file); err != nil {
			t.Fatalf("Open(%q) did not create %s: %v", tt.dsn, tt.file, err)
		}
		ro, err := OpenReadOnly(ctx, tt.dsn)
		if err != nil {
			t.Fatalf("OpenReadOnly(%q): %v", tt.dsn, err)
		}
		ro.Close()
	}
}
