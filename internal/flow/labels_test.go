package flow

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestLabels(t *testing.T) {
	l, err := NewLabeler(LabelConfig{
		"helpdesk": {
			"read_ticket":        {UntrustedInput},
			"query_customers":    {PrivateData, PrivateData},
			"post_public_reply":  {ExternalSink},
			"post_internal_note": {},
			"admin_*":            {Destructive},
			"admin_read*":        {PrivateData},
		},
		"*": {"send_*": {ExternalSink, UntrustedInput}},
	})
	if err != nil {
		t.Fatal(err)
	}
	ann := func(ro, dh, ow *bool) json.RawMessage {
		a := map[string]any{}
		if ro != nil {
			a["readOnlyHint"] = *ro
		}
		if dh != nil {
			a["destructiveHint"] = *dh
		}
		if ow != nil {
			a["openWorldHint"] = *ow
		}
		b, _ := json.Marshal(map[string]any{"name": "x", "annotations": a})
		return b
	}
	yes, no := new(true), new(false)
	tests := []struct {
		server, tool string
		def          json.RawMessage
		want         []string
	}{
		{"helpdesk", "read_ticket", nil, []string{UntrustedInput}},
		{"helpdesk", "query_customers", nil, []string{PrivateData}},
		{"helpdesk", "post_public_reply", ann(yes, nil, yes), []string{ExternalSink}}, // config wins over annotations
		{"helpdesk", "post_internal_note", nil, nil},                                  // explicit empty: no labels, no inference
		{"helpdesk", "admin_reader", nil, []string{PrivateData}},                      // more specific glob wins
		{"helpdesk", "admin_drop", nil, []string{Destructive}},
		{"mail", "send_mail", nil, []string{ExternalSink, UntrustedInput}},     // server glob
		{"helpdesk", "send_mail", nil, []string{ExternalSink, UntrustedInput}}, // helpdesk block silent: the "*" block speaks
		// inference from annotations
		{"x", "thing", ann(yes, nil, yes), []string{UntrustedInput}},
		{"x", "thing", ann(no, nil, yes), []string{ExternalSink}},
		{"x", "thing", ann(nil, nil, yes), []string{ExternalSink}},
		{"x", "thing", ann(no, yes, no), []string{Destructive}},
		{"x", "thing", ann(yes, yes, no), nil}, // read-only wins over destructive
		{"x", "thing", ann(nil, nil, nil), nil},
		// inference from names
		{"x", "read_email", nil, []string{UntrustedInput}},
		{"x", "fetch", nil, []string{UntrustedInput}},
		{"x", "browse", nil, []string{UntrustedInput}},
		{"x", "get_issue", nil, []string{UntrustedInput}},
		{"x", "readTicket", nil, []string{UntrustedInput}},
		{"x", "search_web", nil, []string{UntrustedInput}},
		{"x", "send_message", nil, []string{ExternalSink, UntrustedInput}}, // the "*" server block
		{"x", "sendMessage", nil, []string{ExternalSink}},
		{"x", "postPublicReply", nil, []string{ExternalSink}},
		{"x", "publish", nil, []string{ExternalSink}},
		{"x", "reply_to_ticket", nil, []string{ExternalSink}},
		{"x", "email_customer", nil, []string{ExternalSink, PrivateData}},
		{"x", "call_webhook", nil, []string{ExternalSink}},
		{"x", "http_request", nil, []string{ExternalSink}},
		{"x", "fetch", json.RawMessage(`{"inputSchema":{"properties":{"url":{},"method":{"enum":["GET","POST"]}}}}`), []string{ExternalSink, UntrustedInput}},
		{"x", "fetch_url", json.RawMessage(`{"description":"Fetches a URL with GET or POST"}`), []string{ExternalSink, UntrustedInput}},
		// A GET to a URL the caller chooses carries data out in the URL.
		{"x", "fetch", json.RawMessage(`{"inputSchema":{"properties":{"url":{"type":"string"}}}}`), []string{ExternalSink, UntrustedInput}},
		{"x", "browser_navigate", json.RawMessage(`{"inputSchema":{"properties":{"url":{"type":"string"}}}}`), []string{ExternalSink, UntrustedInput}},
		{"x", "download_file", json.RawMessage(`{"inputSchema":{"properties":{"source_uri":{"type":"string"}}}}`), []string{ExternalSink}},
		{"x", "fetch_page", json.RawMessage(`{"inputSchema":{"properties":{"page_id":{"type":"string"}}}}`), []string{UntrustedInput}},
		{"x", "query", nil, []string{PrivateData}},
		{"x", "run_sql", nil, []string{PrivateData}},
		{"x", "list_users", nil, []string{PrivateData}},
		{"x", "get_secrets", nil, []string{PrivateData}},
		{"x", "delete_file", nil, []string{Destructive}},
		{"x", "post_internal_note", nil, nil},
		{"x", "add", nil, nil},
		{"x", "get_weather", nil, nil},
		{"x", "list_tickets", json.RawMessage(`not json`), []string{UntrustedInput}},
	}
	for _, tc := range tests {
		got := l.Labels(tc.server, tc.tool, tc.def)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Labels(%s, %s, %s) = %v, want %v", tc.server, tc.tool, tc.def, got, tc.want)
		}
	}

	off, err := NewLabeler(LabelConfig{"s": {"a": {PrivateData}}}, WithoutInference())
	if err != nil {
		t.Fatal(err)
	}
	if got := off.Labels("s", "send_mail", nil); got != nil {
		t.Errorf("inference off still inferred %v", got)
	}
	if got := off.Labels("s", "a", nil); !slices.Equal(got, []string{PrivateData}) {
		t.Errorf("inference off lost config: %v", got)
	}
	var nilL *Labeler
	if got := nilL.Labels("s", "send_mail", nil); !slices.Equal(got, []string{ExternalSink}) {
		t.Errorf("nil labeler = %v", got)
	}
}

func TestLabelerRejects(t *testing.T) {
	for _, cfg := range []LabelConfig{
		{"s": {"t": {"privat_data"}}},
		{"": {"t": {PrivateData}}},
		{"s": {"": {PrivateData}}},
		{"s": {strings.Repeat("a", 300): {PrivateData}}},
	} {
		if _, err := NewLabeler(cfg); err == nil {
			t.Errorf("NewLabeler(%v) accepted", cfg)
		}
	}
	if _, err := DecodeLabelConfig([]byte(`{"s":{"t":["private_data"]}} {}`)); err == nil {
		t.Error("trailing data accepted")
	}
	if _, err := DecodeLabelConfig([]byte(`{"s":["private_data"]}`)); err == nil {
		t.Error("wrong shape accepted")
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		p, s string
		want bool
	}{
		{"*", "", true},
		{"a?c", "aéc", true}, {"a??c", "aéc", false},
		{"*", "a/b", true},
		{"a*", "abc", true},
		{"a*c", "abbbc", true},
		{"a*c", "abbbd", false},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"post_*_reply", "post_public_reply", true},
		{"*a*a*a*a*a*b", strings.Repeat("a", 200), false},
		{"exact", "exact", true},
		{"exact", "exactly", false},
	}
	for _, tc := range tests {
		if got := Glob(tc.p, tc.s); got != tc.want {
			t.Errorf("Glob(%q, %q) = %v", tc.p, tc.s, got)
		}
	}
}

func FuzzDecodeLabelConfig(f *testing.F) {
	f.Add([]byte(`{"helpdesk":{"read_ticket":["untrusted_input"],"*":[]}}`))
	f.Add([]byte(`{"*":{"send_*":["external_sink","destructive"]}}`))
	f.Add([]byte(`{"s":{"t":["nope"]}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := DecodeLabelConfig(data)
		if err != nil {
			return
		}
		l, err := NewLabeler(cfg)
		if err != nil {
			t.Fatalf("decoded config rejected: %v", err)
		}
		for server, tools := range cfg {
			for tool := range tools {
				for _, lb := range l.Labels(server, tool, nil) {
					if !slices.Contains(KnownLabels(), lb) {
						t.Fatalf("unknown label %q", lb)
					}
				}
			}
		}
	})
}

func FuzzInfer(f *testing.F) {
	f.Add("read_email", []byte(`{"annotations":{"readOnlyHint":true,"openWorldHint":true}}`))
	f.Add("sendMessage", []byte(`{}`))
	f.Add("\xff\xfe", []byte(`{"annotations":null}`))
	f.Fuzz(func(t *testing.T, name string, def []byte) {
		got := Infer(name, def)
		if !slices.IsSorted(got) {
			t.Fatalf("labels not sorted: %v", got)
		}
		for _, lb := range got {
			if !slices.Contains(KnownLabels(), lb) {
				t.Fatalf("unknown label %q", lb)
			}
		}
		_ = Glob(name, string(def))
	})
}
