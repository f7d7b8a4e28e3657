// Package floor measures what an HTTP hop costs on this machine with
// net/http's client against a synchronous HTTP/1.1 exchange on one
// connection (write the request, read the response, same goroutine). It
// answers whether Warden should own an upstream HTTP client; see
// docs/benchmarks.md for the numbers and the decision.
package floor

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const call = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"payload","arguments":{"bytes":100}}}`

func upstream(b *testing.B) *httptest.Server {
	answer := []byte(`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"` + strings.Repeat("x", 100) + `"}]}}`)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(answer)
	}))
	b.Cleanup(s.Close)
	return s
}

// BenchmarkNetHTTPClient is how Warden reaches an upstream: http.Client
// with keep-alive (a writer and a reader goroutine per connection).
func BenchmarkNetHTTPClient(b *testing.B) {
	s := upstream(b)
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	b.Cleanup(c.CloseIdleConnections)
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodPost, s.URL, strings.NewReader(call))
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
}

// BenchmarkSyncConn is the floor a hand-written client could reach: one
// connection, the request written and the response read by the caller.
func BenchmarkSyncConn(b *testing.B) {
	s := upstream(b)
	u, _ := url.Parse(s.URL)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close() })
	br := bufio.NewReader(conn)
	req := []byte("POST / HTTP/1.1\r\nHost: " + u.Host + "\r\nContent-Type: application/json\r\nContent-Length: " +
		strconv.Itoa(len(call)) + "\r\n\r\n" + call)
	r, _ := http.NewRequest(http.MethodPost, s.URL, nil)
	for b.Loop() {
		if _, err := conn.Write(req); err != nil {
			b.Fatal(err)
		}
		resp, err := http.ReadResponse(br, r)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
}
