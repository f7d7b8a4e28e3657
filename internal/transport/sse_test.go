package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func TestSSELegacyGoSDK(t *testing.T) {
	srv := newTestServer()
	rec := &recorder{}
	ts := serve(t, rec.wrap(mcp.NewSSEHandler(func(*http.Request) *mcp.Server { return srv }, nil)))
	c := dialT(t, &SSEDialer{URL: ts.URL + "/sse", Header: http.Header{"Authorization": {"Bearer t"}}})
	legacyHandshakeAndCalls(t, c, false)
	posts := rec.find(http.MethodPost, `"tools/list"`)
	if len(posts) != 1 || posts[0].header.Get("Authorization") != "Bearer t" {
		t.Fatalf("POST to endpoint lacks static headers: %+v", posts)
	}
	c.Close()
	if _, err := c.Read(context.Background()); !errors.Is(err, io.EOF) {
		t.Fatalf("Read after Close = %v", err)
	}
}

func TestSSEDialEndpoint(t *testing.T) {
	tests := []struct {
		name     string
		endpoint string
		wantErr  string
	}{
		{name: "other origin", endpoint: "http://127.0.0.2:1/msg", wantErr: "another origin"},
		{name: "scheme-relative other host", endpoint: "//evil.example/msg", wantErr: "another origin"},
		{name: "relative", endpoint: "/msg?s=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodPost {
					w.WriteHeader(202)
					return
				}
				w.Header().Set("Content-Type", "text/event-stream")
				WriteEvent(w, "", "endpoint", []byte(tt.endpoint))
				select {
				case <-r.Context().Done():
				case <-time.After(10 * time.Second):
				}
			}))
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			c, err := (&SSEDialer{URL: ts.URL}).Dial(ctx)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Dial err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.(*sseConn).endpoint; got != ts.URL+"/msg?s=1" {
				t.Errorf("endpoint = %q", got)
			}
			write(t, c, msgInitialized)
			c.Close()
		})
	}
}

func TestSSERequestFailureIsSynthesized(t *testing.T) {
	ts := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			http.Error(w, "nope", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		WriteEvent(w, "", "endpoint", []byte("/msg"))
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	c := dialT(t, &SSEDialer{URL: ts.URL})
	write(t, c, msgToolsList)
	in, _ := readUntil(t, c, "2")
	mustContain(t, in.Msg, `"http_status":403`)
	if err := c.Write(context.Background(), []byte(msgInitialized)); err == nil || !strings.Contains(err.Error(), "403") {
		t.Fatalf("notification Write err = %v, want HTTP 403", err)
	}
}
