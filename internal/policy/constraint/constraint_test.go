package constraint

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestPathWithin(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "docs", "a.txt"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret"), []byte("s"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Symlinks inside the root that escape it.
	if err := os.Symlink(outside, filepath.Join(root, "escape")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret"), filepath.Join(root, "docs", "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "nothing-yet"), filepath.Join(root, "dangling")); err != nil {
		t.Fatal(err)
	}
	// A symlink that stays inside is fine.
	if err := os.Symlink(filepath.Join(root, "docs"), filepath.Join(root, "alias")); err != nil {
		t.Fatal(err)
	}
	roots := []string{root}
	tests := []struct {
		path string
		ok   bool
		why  string
	}{
		{filepath.Join(root, "docs", "a.txt"), true, ""},
		{filepath.Join(root, "docs", "new.txt"), true, ""},
		{filepath.Join(root, "alias", "a.txt"), true, ""},
		{root, true, ""},
		{"/etc/passwd", false, "outside"},
		{root + "/../" + filepath.Base(outside) + "/secret", false, ".."},
		{root + "/docs/../docs/a.txt", false, ".."},
		{root + "/%2e%2e/etc/passwd", false, ".."},
		{root + "/%252e%252e/etc/passwd", false, ".."},
		{root + "/..%2fetc%2fpasswd", false, ".."},
		{root + "/docs/%61.txt", false, "percent"},
		{root + "\\..\\..\\etc\\passwd", false, ".."},
		{root + "/escape/secret", false, "outside"},
		{root + "/docs/link", false, "outside"},
		{root + "/dangling", false, "dangling"},
		{root + "/dangling/x", false, "dangling"},
		{"docs/a.txt", false, "absolute"},
		{root + "/docs/a.txt\x00.png", false, "NUL"},
		{root + "x/file", false, "outside"}, // sibling with the root as prefix
		{"", false, "empty"},
		{root + "/%zz", false, "malformed"},
	}
	if err := os.MkdirAll(root+"x", 0o755); err == nil {
		t.Cleanup(func() { os.RemoveAll(root + "x") })
	}
	for _, tt := range tests {
		err := PathWithin(tt.path, roots)
		if (err == nil) != tt.ok {
			t.Errorf("PathWithin(%q) = %v, want ok=%v", tt.path, err, tt.ok)
			continue
		}
		if err != nil && !strings.Contains(err.Error(), tt.why) {
			t.Errorf("PathWithin(%q) = %v, want reason containing %q", tt.path, err, tt.why)
		}
	}
	if err := PathWithin(filepath.Join(root, "docs"), []string{"relative/root", filepath.Join(root, "missing")}); err == nil {
		t.Error("relative and missing roots must match nothing")
	}
}

// fakeResolver answers from a table, so tests never touch DNS.
type fakeResolver map[string][]string

func (f fakeResolver) LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error) {
	ips, ok := f[host]
	if !ok {
		return nil, errors.New("no such host")
	}
	var out []net.IPAddr
	for _, s := range ips {
		out = append(out, net.IPAddr{IP: net.ParseIP(s)})
	}
	return out, nil
}

func TestURLChecker(t *testing.T) {
	res := fakeResolver{
		"api.example.com":      {"93.184.216.34"},
		"evil.example.com":     {"127.0.0.1"},
		"meta.example.com":     {"169.254.169.254"},
		"mixed.example.com":    {"93.184.216.34", "10.0.0.5"},
		"v6meta.example.com":   {"fd00:ec2::254"},
		"mapped.example.com":   {"::ffff:127.0.0.1"},
		"public.other.org":     {"8.8.8.8"},
		"sub.api.example.com":  {"93.184.216.35"},
		"nat64.example.com":    {"64:ff9b::a9fe:a9fe"},
		"private6.example.com": {"fc00::1"},
	}
	c := &URLChecker{Hosts: []string{"api.example.com", "*.example.com", "evil.example.com", "meta.example.com"}, Resolver: res}
	any := &URLChecker{Hosts: []string{"*"}, Resolver: res}
	tests := []struct {
		c   *URLChecker
		url string
		ok  bool
		why string
	}{
		{c, "https://api.example.com/v1", true, ""},
		{c, "https://sub.api.example.com/", true, ""},
		{c, "https://public.other.org/", false, "not in the allowed"},
		{c, "https://evil.example.com/", false, "loopback"},
		{c, "http://meta.example.com/latest/meta-data/", false, "metadata"},
		{c, "http://mixed.example.com/", false, "private"},
		{c, "http://v6meta.example.com/", false, "metadata"},
		{c, "http://mapped.example.com/", false, "loopback"},
		{c, "http://nat64.example.com/", false, "metadata"},
		{c, "http://private6.example.com/", false, "private"},
		{c, "http://unknown.example.com/", false, "resolving"},
		{c, "file:///etc/passwd", false, "scheme"},
		{c, "gopher://api.example.com/", false, "scheme"},
		{c, "http://user:pw@api.example.com/", false, "user"},
		{c, "http://api.example.com\\@evil.com/", false, "backslash"},
		{c, "http://api.example.com.evil.com/", false, "not in the allowed"},
		{any, "http://127.0.0.1/", false, "loopback"},
		{any, "http://2130706433/", false, "loopback"},
		{any, "http://0x7f000001/", false, "loopback"},
		{any, "http://0177.0.0.1/", false, "loopback"},
		{any, "http://127.1/", false, "loopback"},
		{any, "http://2852039166/", false, "metadata"}, // 169.254.169.254
		{any, "http://0xa9.0xfe.0xa9.0xfe/", false, "metadata"},
		{any, "http://[::1]/", false, "loopback"},
		{any, "http://[::ffff:169.254.169.254]/", false, "metadata"},
		{any, "http://[::ffff:a9fe:a9fe]/", false, "metadata"},
		{any, "http://[::127.0.0.1]/", false, "loopback"},
		{any, "http://[fe80::1%25eth0]/", false, "link-local"},
		{any, "http://0.0.0.0:8080/", false, "unspecified"},
		{any, "http://0/", false, "unspecified"},
		{any, "http://10.1.2.3/", false, "private"},
		{any, "http://192.168.0.1/", false, "private"},
		{any, "http://100.100.100.200/", false, "shared"},
		{any, "http://localhost:8080/", false, "loopback"},
		{any, "http://LOCALHOST./", false, "loopback"},
		{any, "http://metadata.google.internal/", false, "metadata"},
		{any, "http://8.8.8.8/", true, ""},
		{any, "http://public.other.org/", true, ""},
	}
	for _, tt := range tests {
		err := tt.c.Check(context.Background(), tt.url)
		if (err == nil) != tt.ok {
			t.Errorf("Check(%q) = %v, want ok=%v", tt.url, err, tt.ok)
			continue
		}
		if err != nil && !strings.Contains(err.Error(), tt.why) {
			t.Errorf("Check(%q) = %v, want reason containing %q", tt.url, err, tt.why)
		}
	}
}

func TestReadOnlySQL(t *testing.T) {
	tests := []struct {
		q   string
		ok  bool
		why string
	}{
		{"SELECT id, name FROM customers WHERE id = 7", true, ""},
		{"select count(*) from orders o join customers c on c.id = o.cid group by c.id", true, ""},
		{"SELECT 1 UNION SELECT 2", true, ""},
		{"select a from t -- trailing comment; drop table t", true, ""},
		{"select /* hi */ a from t", true, ""},
		{"WITH x AS (SELECT 1 AS a) SELECT a FROM x", true, ""},
		{"SELECT 1;", true, ""},
		{"SELECT 1; -- done", true, ""},
		{"SELECT 1; /* done */ ;", true, ""},
		{"SELECT 1 UNION SELECT load_file('/etc/passwd')", false, "side effects"},
		{"SELECT a INTO @v FROM t", false, "INTO"},
		{"SELECT 1; DROP TABLE customers", false, "more than one"},
		{"SELECT 1 -- \n; DROP TABLE customers", false, "more than one"},
		{"SELECT 1 # comment\n; DELETE FROM t", false, "more than one"},
		{"SELECT 1;DELETE FROM t;", false, "more than one"},
		{"select 1; select 2", false, "more than one"},
		{"DROP TABLE customers", false, "not a SELECT"},
		{"DELETE FROM customers", false, "not a SELECT"},
		{"UPDATE t SET a = 1", false, "not a SELECT"},
		{"INSERT INTO t VALUES (1)", false, "not a SELECT"},
		{"/* comment */ DELETE FROM t", false, "not a SELECT"},
		{"SELECT 1 /*! ; DROP TABLE t */", false, "executable comment"},
		{"SELECT * FROM t INTO OUTFILE '/tmp/x'", false, "INTO"},
		{"SELECT * FROM t FOR UPDATE", false, "locking"},
		{"SELECT load_file('/etc/passwd')", false, "side effects"},
		{"SELECT SLEEP(100)", false, "side effects"},
		{"SELECT a FROM t WHERE b IN (SELECT sleep(1))", false, "side effects"},
		{"GRANT ALL ON *.* TO 'x'", false, ""},
		{"SELECT FROM WHERE", false, "parse"},
		{"", false, "empty"},
		{"   ", false, "empty"},
		{";", false, ""},
	}
	for _, tt := range tests {
		err := ReadOnlySQL(tt.q)
		if (err == nil) != tt.ok {
			t.Errorf("ReadOnlySQL(%q) = %v, want ok=%v", tt.q, err, tt.ok)
			continue
		}
		if err != nil && !strings.Contains(err.Error(), tt.why) {
			t.Errorf("ReadOnlySQL(%q) = %v, want reason containing %q", tt.q, err, tt.why)
		}
	}
}

func TestStrings(t *testing.T) {
	if err := Length("héllo", 1, 5); err != nil {
		t.Error(err)
	}
	if Length("toolong", -1, 3) == nil || Length("", 1, -1) == nil {
		t.Error("length bounds not enforced")
	}
	re := regexp.MustCompile(`^[a-z]+$`)
	if Pattern("abc", re) != nil || Pattern("ab1", re) == nil {
		t.Error("pattern not enforced")
	}
	if Enum("b", []string{"a", "b"}) != nil || Enum("c", []string{"a", "b"}) == nil {
		t.Error("enum not enforced")
	}
}

func FuzzReadOnlySQL(f *testing.F) {
	for _, s := range []string{"select 1", "select 1; drop table t", "/*! drop */", "select * from t into outfile 'x'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_ = ReadOnlySQL(q)
	})
}

func FuzzParseHostIP(f *testing.F) {
	for _, s := range []string{"127.0.0.1", "2130706433", "0x7f.1", "[::1]", "0177.0.0.1", "1.2.3.4.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		ip, ok := ParseHostIP(h)
		if ok && !ip.IsValid() {
			t.Fatalf("ParseHostIP(%q) ok with an invalid address", h)
		}
	})
}

func FuzzPathWithin(f *testing.F) {
	for _, s := range []string{"/tmp/a", "/tmp/../etc", "/tmp/%2e%2e/x", "rel"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if PathWithin(p, []string{"/nonexistent-root-for-fuzz"}) == nil {
			t.Fatalf("PathWithin(%q) accepted a path under a missing root", p)
		}
	})
}
