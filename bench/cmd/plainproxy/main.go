// Command plainproxy is the benchmark's baseline: a bare
// net/http/httputil.ReverseProxy that stands in for `warden serve --config
// F` (it reads only listen and the upstream URL from the file the harness
// writes), so that
//
//	wardenbench --warden bin/plainproxy
//
// measures what any two-hop Go proxy costs on the machine, with no MCP
// processing, guards or audit log. See docs/benchmarks.md.
package main

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"regexp"
)

func main() {
	var cfg string
	for i, a := range os.Args {
		if a == "--config" {
			cfg = os.Args[i+1]
		}
	}
	b, err := os.ReadFile(cfg)
	if err != nil {
		log.Fatalf("reading the config: %v", err)
	}
	listen := regexp.MustCompile(`listen: "([^"]+)"`).FindSubmatch(b)
	up := regexp.MustCompile(`url: "([^"]+)"`).FindSubmatch(b)
	if listen == nil || up == nil {
		log.Fatal("the config names no listen address or upstream url")
	}
	u, err := url.Parse(string(up[1]))
	if err != nil {
		log.Fatalf("upstream url: %v", err)
	}
	rp := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(u); r.Out.URL.Path = u.Path }, FlushInterval: -1}
	rp.Transport = &http.Transport{MaxIdleConnsPerHost: 256}
	mux := http.NewServeMux()
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	mux.Handle("/mcp", rp)
	log.Fatal(http.ListenAndServe(string(listen[1]), mux))
}
