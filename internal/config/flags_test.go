package config

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFromFlags(t *testing.T) {
	tests := []struct {
		name      string
		listen    string
		upstreams []string
		want      []Upstream // only Name, Command, URL, Transport compared
		wantErr   string
	}{
		{name: "defaults", want: []Upstream{{Name: "example", Command: []string{SelfPlaceholder, "example-server"}, Transport: TransportStdio}}},
		{name: "url and stdio", listen: "127.0.0.1:9999", upstreams: []string{
			"web=https://mcp.example.com/mcp",
			`fs=stdio:npx -y "@modelcontextprotocol/server-filesystem" '/tmp/my dir'`,
		}, want: []Upstream{
			{Name: "web", URL: "https://mcp.example.com/mcp", Transport: TransportStreamable},
			{Name: "fs", Command: []string{"npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp/my dir"}, Transport: TransportStdio},
		}},
		{name: "malformed", upstreams: []string{"nonsense"},
			wantErr: `command line: --upstream "nonsense": expected NAME=URL or NAME=stdio:COMMAND`},
		{name: "empty stdio", upstreams: []string{"a=stdio:  "},
			wantErr: `command line: --upstream "a=stdio:  ": stdio: needs a command, as in NAME=stdio:'npx -y some-server'`},
		{name: "bad quote", upstreams: []string{`a=stdio:npx "x`},
			wantErr: `command line: --upstream "a=stdio:npx \"x": command: unterminated double quote`},
		{name: "bad url", upstreams: []string{"a=ftp://x"},
			wantErr: `command line: --upstream "a=ftp://x": url: expected an absolute http or https URL, got "ftp://x"`},
		{name: "bad name and duplicate", upstreams: []string{"Files=http://h/", "a=http://h/", "a=stdio:x"},
			wantErr: "command line: --upstream \"Files=http://h/\": name: expected 1-32 lowercase letters, digits and hyphens starting with a letter or digit, got \"Files\"\n" +
				"command line: --upstream \"a=stdio:x\": name: duplicate upstream name \"a\" (also upstreams[1])"},
		{name: "bad listen", listen: "8080",
			wantErr: `command line: --listen "8080": expected host:port such as 127.0.0.1:8080, got "8080"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := FromFlags(tt.listen, tt.upstreams)
			if tt.wantErr != "" {
				var cerr *Error
				if !errors.As(err, &cerr) || err.Error() != tt.wantErr {
					t.Fatalf("error:\n%v\nwant:\n%s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []Upstream
			for _, u := range c.Upstreams {
				got = append(got, Upstream{Name: u.Name, Command: u.Command, URL: u.URL, Transport: u.Transport})
				if u.Timeout != c.Limits.RequestTimeout || u.Protocol != ProtocolAuto {
					t.Errorf("upstream %s lacks defaults: %+v", u.Name, u)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("upstreams:\ngot  %+v\nwant %+v", got, tt.want)
			}
			if tt.listen != "" && c.Listen != tt.listen {
				t.Errorf("listen = %q", c.Listen)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestFromFlagsRelaxation(t *testing.T) {
	c, err := FromFlags("0.0.0.0:8080", []string{"a=http://10.1.2.3/mcp"})
	if err != nil {
		t.Fatal(err)
	}
	if rs := c.Relaxations(); len(rs) != 3 || !strings.HasPrefix(rs[0], "listen 0.0.0.0:8080") || !strings.Contains(rs[1], "without authentication") || !strings.HasPrefix(rs[2], `upstream "a" is reached over plain http`) {
		t.Errorf("Relaxations = %q", rs)
	}
}

func TestSplitCommand(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr string
	}{
		{"", nil, ""},
		{"  \t ", nil, ""},
		{"npx -y server", []string{"npx", "-y", "server"}, ""},
		{`a  'b c'  "d e"`, []string{"a", "b c", "d e"}, ""},
		{`'it'\''s'`, []string{"it's"}, ""},
		{`"say \"hi\" \$HOME \\ \n"`, []string{`say "hi" $HOME \ \n`}, ""},
		{`a\ b c\\d \'x`, []string{"a b", `c\d`, "'x"}, ""},
		{"a\\\nb", []string{"ab"}, ""},
		{`'' ""`, []string{"", ""}, ""},
		{`pre'mid'"dle"post`, []string{"premiddlepost"}, ""},
		{`$HOME ~ *.go`, []string{"$HOME", "~", "*.go"}, ""},
		{`'open`, nil, "unterminated single quote"},
		{`"open`, nil, "unterminated double quote"},
		{`"open\"`, nil, "unterminated double quote"},
		{`trailing\`, nil, "trailing backslash"},
	}
	for _, tt := range tests {
		got, err := SplitCommand(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("SplitCommand(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitCommand(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// shellQuote quotes w so that a POSIX shell reads it back as one word.
func shellQuote(w string) string {
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}

func FuzzSplitCommand(f *testing.F) {
	for _, s := range []string{"npx -y x", `a 'b c' "d\"e"`, `x\ y`, `'unterminated`, "a\\\nb", `"\$\\"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, err := SplitCommand(s)
		if err != nil {
			return
		}
		// Quoting each word and splitting again must give the same words.
		q := make([]string, len(words))
		for i, w := range words {
			q[i] = shellQuote(w)
		}
		again, err := SplitCommand(strings.Join(q, " "))
		if err != nil {
			t.Fatalf("re-splitting %q: %v", q, err)
		}
		if len(words) == 0 {
			words = nil
		}
		if !reflect.DeepEqual(again, words) {
			t.Fatalf("round trip of %q: got %q, want %q", s, again, words)
		}
		// Splitting never invents bytes: the words' bytes are a subset of s's.
		total := 0
		for _, w := range words {
			total += len(w)
		}
		if total > len(s) {
			t.Fatalf("words %q longer than input %q", words, s)
		}
		if utf8.ValidString(s) {
			for _, w := range words {
				if !utf8.ValidString(w) {
					t.Fatalf("split produced invalid UTF-8 word %q from %q", w, s)
				}
			}
		}
	})
}
