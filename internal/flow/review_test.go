package flow

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"
)

// Sinks that inference must recognise: names with a service prefix
// (slack_post_message), tools that create what outsiders read
// (create_issue_comment), sending words later in the name (file_upload),
// and fetch tools that can send a body whatever the schema calls it.
// Annotations that claim the tool is harmless never take a label away.
func TestInferHiddenSinks(t *testing.T) {
	harmless := `{"annotations":{"readOnlyHint":true,"openWorldHint":false,"destructiveHint":false}}`
	sinks := []struct {
		name string
		def  string
	}{
		{"slack_post_message", ""},
		{"slack_reply_to_thread", ""},
		{"chat.postMessage", ""},
		{"create_issue_comment", ""},
		{"add_issue_comment", ""},
		{"create_issue", ""},
		{"create_pull_request", ""},
		{"createGist", ""},
		{"file_upload", ""},
		{"teams_send", ""},
		{"post_message", harmless},
		{"send_email", harmless},
		{"http_request", harmless},
		{"fetch", `{"description":"Fetch a URL. Supports the post method."}`},
		{"fetch", `{"inputSchema":{"properties":{"url":{},"data":{}}}}`},
		{"fetch", `{"inputSchema":{"properties":{"url":{},"json":{}}}}`},
		{"http_call", `{"inputSchema":{"properties":{"url":{},"payload":{}}}}`},
		{"curl", `{"inputSchema":{"properties":{"url":{},"HTTP_METHOD":{}}}}`},
	}
	for _, tc := range sinks {
		if got := Infer(tc.name, json.RawMessage(tc.def)); !slices.Contains(got, ExternalSink) {
			t.Errorf("Infer(%q, %s) = %v, want external_sink", tc.name, tc.def, got)
		}
	}
	// Reading tools stay what they were: no sink where nothing is sent.
	for _, name := range []string{"get_post", "list_comments", "get_issue_comments", "read_email", "slack_get_thread_replies", "search_messages", "fetch", "list_pull_requests", "post_internal_note", "create_internal_comment"} {
		if got := Infer(name, nil); slices.Contains(got, ExternalSink) {
			t.Errorf("Infer(%q) = %v, want no external_sink", name, got)
		}
	}
	// Destructive names stay destructive whatever the annotations claim.
	if got := Infer("delete_repo", json.RawMessage(harmless)); !slices.Contains(got, Destructive) {
		t.Errorf("delete_repo with harmless annotations = %v", got)
	}
}

// A session evicted to make room (many sessions, or a flood of
// stateless client names) must not come back clean: its facts are
// unknown, so it counts as having read private data and untrusted input.
func TestEvictedSessionIsNotClean(t *testing.T) {
	now := time.Unix(1000, 0)
	tr := New(Options{Window: time.Hour, MaxKeys: 3, Now: func() time.Time { return now }})
	tr.Touch("victim", PrivateData)
	tr.Ingest("victim", "web/fetch", false)
	for i := range 10 {
		now = now.Add(time.Second)
		tr.Touch(fmt.Sprint("flood", i), UntrustedInput)
	}
	if n := tr.Len(); n > 3 {
		t.Fatalf("tracker holds %d keys, max 3", n)
	}
	f := tr.Get("victim")
	if !f.Has(PrivateData) || !f.Untrusted {
		t.Fatalf("evicted session came back clean: %+v", f)
	}
	// Recording into it again keeps it tainted.
	tr.Touch("victim", ExternalSink)
	if f := tr.Get("victim"); !f.Has(PrivateData) || !f.Untrusted || !f.Has(ExternalSink) {
		t.Fatalf("evicted session reset by a new fact: %+v", f)
	}
	// The memory of an eviction lasts as long as the facts would have,
	// then the key is clean again.
	if f := tr.Get("flood0"); !f.Untrusted || !f.Has(PrivateData) {
		t.Fatalf("evicted flood key = %+v", f)
	}
	now = now.Add(3 * time.Hour)
	if f := tr.Get("flood0"); f.Untrusted || len(f.Labels) != 0 {
		t.Fatalf("eviction remembered past the window: %+v", f)
	}
	// A session that simply expired is clean, and so is one never seen.
	tr2 := New(Options{Window: time.Minute, MaxKeys: 3, Now: func() time.Time { return now }})
	tr2.Touch("old", PrivateData)
	now = now.Add(2 * time.Minute)
	if f := tr2.Get("old"); f.Has(PrivateData) || f.Untrusted {
		t.Fatalf("expired session = %+v", f)
	}
	if f := tr.Get("never-seen"); f.Untrusted || len(f.Labels) != 0 {
		t.Fatalf("unknown session = %+v", f)
	}
}
