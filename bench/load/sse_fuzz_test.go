package load

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/warden-mcp/warden/internal/transport"
)

// FuzzSSEData: the load generator's small SSE reader must find the same
// events as Warden's own parser (internal/transport), which follows the
// WHATWG rules; else a benchmark would count responses Warden never sent,
// or miss ones it did. Unlike the streaming parser it also keeps an
// unterminated last event, so the stream is closed with a blank line here.
func FuzzSSEData(f *testing.F) {
	for _, s := range []string{
		"data: {\"id\":1,\"result\":{}}\n\n",
		"id: 1\r\nevent: message\r\ndata: a\r\ndata:b\r\n\r\n",
		"data\n\ndata:\n\n: comment\ndata:  two spaces\n\n",
		"data: x\rdata: y\r\rdata: z\r\n",
		"event: endpoint\ndata: /x\n\nretry: 10\n\n",
		"\xef\xbb\xbfdata: bom\n\n", "data : spaced field\n\n", "DATA: upper\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, stream []byte) {
		stream = append(bytes.Clone(stream), '\n', '\n')
		got := sseData(stream)
		r := transport.NewEventReader(bytes.NewReader(stream), len(stream)+1)
		var want [][]byte
		for {
			ev, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("reference parser: %v", err)
			}
			want = append(want, ev.Data)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d events, reference %d: %q vs %q", stream, len(got), len(want), got, want)
		}
		for i := range got {
			if !bytes.Equal(got[i], want[i]) {
				t.Fatalf("%q: event %d data %q, reference %q", stream, i, got[i], want[i])
			}
		}
	})
}
