package store

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestPrefixEnd(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a", "b"},
		{"a/", "a0"},
		{"az", "a{"},
		{"a\U0010FFFF", "b"},
		{"\U0010FFFF", ""},
		{"a\uD7FF", "a\uE000"}, // skips the surrogate range
	}
	for _, tt := range tests {
		got := PrefixEnd(tt.in)
		if got != tt.want || !utf8.ValidString(got) {
			t.Errorf("PrefixEnd(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got != "" && !(strings.Compare(tt.in, got) < 0 && strings.Compare(tt.in+"\U0010FFFF", got) < 0) {
			t.Errorf("PrefixEnd(%q) = %q is not above every extension", tt.in, got)
		}
	}
}

func TestCheckBatch(t *testing.T) {
	now := time.Now()
	head := AuditRecord{Seq: 2, Hash: []byte("h2")}
	r3 := AuditRecord{Seq: 3, Time: now, PrevHash: []byte("h2"), Hash: []byte("h3")}
	r4 := AuditRecord{Seq: 4, Time: now, PrevHash: []byte("h3"), Hash: []byte("h4")}
	tests := []struct {
		name string
		recs []AuditRecord
		want error
	}{
		{"ok", []AuditRecord{r3, r4}, nil},
		{"empty", nil, ErrInvalid},
		{"fork", []AuditRecord{{Seq: 3, Time: now, PrevHash: []byte("x"), Hash: []byte("h")}}, ErrConflict},
		{"skips", []AuditRecord{r4}, ErrConflict},
		{"inner gap", []AuditRecord{r3, {Seq: 5, Time: now, PrevHash: []byte("h3"), Hash: []byte("h")}}, ErrInvalid},
		{"time after 2262", []AuditRecord{{Seq: 3, Time: time.Date(2263, 1, 1, 0, 0, 0, 0, time.UTC), PrevHash: []byte("h2"), Hash: []byte("h3")}}, ErrInvalid},
		{"time before 1677", []AuditRecord{{Seq: 3, Time: time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), PrevHash: []byte("h2"), Hash: []byte("h3")}}, ErrInvalid},
		{"time at the edge", []AuditRecord{{Seq: 3, Time: time.Unix(0, 1<<63-1), PrevHash: []byte("h2"), Hash: []byte("h3")}}, nil},
	}
	for _, tt := range tests {
		err := CheckBatch(head, tt.recs)
		if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: CheckBatch = %v, want %v", tt.name, err, tt.want)
		}
	}
	var ce *ChainConflictError
	if err := CheckBatch(head, []AuditRecord{r4}); !errors.As(err, &ce) || ce.HeadSeq != 2 || ce.Seq != 4 {
		t.Errorf("conflict details: %v", err)
	}
}
