// Command authclient runs Warden's outbound OAuth client under the MCP
// conformance harness's client auth scenarios (`conformance client
// --suite auth --command authclient`).
//
// The harness starts an MCP server that needs an OAuth token and an
// authorization server, then runs this command with the server's URL. The
// command plays the operator and the user around a real Warden, run in
// process from internal/app:
//
//   - the operator writes Warden's configuration: the upstream, and its
//     auth block with the client credentials the scenario registered. Warden
//     takes token_url, authorize_url and issuer from configuration and does no
//     discovery of its own, so this command reads them from the
//     authorization server's metadata (RFC 9728, then RFC 8414), as an
//     operator would;
//   - the user connects an MCP client to Warden, lists and calls tools, and,
//     for authorization-code upstreams, opens the link Warden answers with,
//     lets the authorization server redirect to Warden's callback and
//     confirms there.
//
// Everything the authorization server and the MCP server see after the
// metadata is Warden's own traffic. Exit status 3 means the scenario does
// not apply to Warden (see scenarios).
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/internal/app"
	"github.com/warden-mcp/warden/internal/config"
)

// scenarios maps the scenarios that apply to the upstream auth type they
// exercise.
var scenarios = map[string]string{
	"auth/client-credentials-basic": config.UpstreamClientCredentials,
	"auth/pre-registration":         config.UpstreamAuthorizationCode,
	// The operator registers Warden at the authorization server (RFC 7591)
	// with the method it supports; Warden then authenticates with it.
	"auth/token-endpoint-auth-basic": config.UpstreamAuthorizationCode,
	"auth/token-endpoint-auth-post":  config.UpstreamAuthorizationCode,
	"auth/token-endpoint-auth-none":  config.UpstreamAuthorizationCode,
	// RFC 9207: the operator copies the issuer and whether the server
	// always sends iss from its metadata; Warden's callback checks the
	// authorization response against them.
	"auth/iss-supported":         config.UpstreamAuthorizationCode,
	"auth/iss-not-advertised":    config.UpstreamAuthorizationCode,
	"auth/iss-supported-missing": config.UpstreamAuthorizationCode,
	"auth/iss-wrong-issuer":      config.UpstreamAuthorizationCode,
	"auth/iss-unexpected":        config.UpstreamAuthorizationCode,
	"auth/iss-normalized":        config.UpstreamAuthorizationCode,
}

type scenarioContext struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	Issuer       string `json:"issuer"`
	AuthMethod   string `json:"token_endpoint_auth_method"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "authclient:", err)
		var na notApplicable
		if errors.As(err, &na) {
			os.Exit(3)
		}
		os.Exit(1)
	}
}

type notApplicable string

func (n notApplicable) Error() string { return "scenario does not apply to Warden: " + string(n) }

func run() error {
	if len(os.Args) < 2 {
		return errors.New("usage: authclient <server-url>")
	}
	serverURL := os.Args[len(os.Args)-1]
	scenario := os.Getenv("MCP_CONFORMANCE_SCENARIO")
	typ, ok := scenarios[scenario]
	if !ok {
		return notApplicable(scenario)
	}
	var sc scenarioContext
	if c := os.Getenv("MCP_CONFORMANCE_CONTEXT"); c != "" {
		if err := json.Unmarshal([]byte(c), &sc); err != nil {
			return fmt.Errorf("decoding MCP_CONFORMANCE_CONTEXT: %w", err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	as, err := discover(ctx, serverURL)
	if err != nil {
		return fmt.Errorf("reading the authorization server's metadata: %w", err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	callback := base + "/oauth/upstream/callback"
	if sc.ClientID == "" {
		if sc, err = register(ctx, as, callback); err != nil {
			return fmt.Errorf("registering Warden at the authorization server: %w", err)
		}
	}
	dir, err := os.MkdirTemp("", "warden-authclient-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	// Secrets travel as references, as Warden requires of a configuration.
	os.Setenv("AUTHCLIENT_GRANT_KEY", hex.EncodeToString(key))
	os.Setenv("AUTHCLIENT_CLIENT_SECRET", sc.ClientSecret)
	ua := map[string]any{"type": typ, "token_url": as.TokenEndpoint, "client_id": sc.ClientID}
	if sc.ClientSecret != "" {
		ua["client_secret"] = "${env:AUTHCLIENT_CLIENT_SECRET}"
		if sc.AuthMethod == config.ClientSecretPost {
			ua["token_endpoint_auth_method"] = sc.AuthMethod
		}
	}
	if typ == config.UpstreamAuthorizationCode {
		ua["authorize_url"] = as.AuthorizationEndpoint
		ua["redirect_url"] = callback
		ua["issuer"] = as.Issuer
		ua["require_iss"] = as.IssParameterSupported
	}
	doc, _ := json.Marshal(map[string]any{ // JSON is YAML
		"version":   1,
		"listen":    ln.Addr().String(),
		"data_dir":  dir,
		"auth":      map[string]any{"grant_key": "${env:AUTHCLIENT_GRANT_KEY}"},
		"upstreams": []any{map[string]any{"name": "upstream", "url": serverURL, "auth": ua}},
	})
	cfg, err := config.Parse("authclient.yaml", doc)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	w, err := app.New(ctx, cfg, app.Options{Logger: log})
	if err != nil {
		return fmt.Errorf("starting Warden: %w", err)
	}
	defer w.Close(context.Background())
	go w.Run(ctx)
	srv := &http.Server{Handler: w.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	// The user's MCP client, connected to Warden.
	version := os.Getenv("MCP_CONFORMANCE_PROTOCOL_VERSION")
	if version == "" {
		version = "2025-11-25"
	}
	c := sdk.NewClient(&sdk.Implementation{Name: "warden-authclient", Version: "1"}, nil)
	cs, err := c.Connect(ctx, &sdk.StreamableClientTransport{Endpoint: base + "/mcp"}, &sdk.ClientSessionOptions{ProtocolVersion: version})
	if err != nil {
		return fmt.Errorf("connecting to Warden: %w", err)
	}
	defer cs.Close()
	tools, err := cs.ListTools(ctx, nil)
	if err != nil && typ == config.UpstreamAuthorizationCode {
		link := regexp.MustCompile(`open (\S+)`).FindStringSubmatch(err.Error())
		if link == nil {
			return fmt.Errorf("listing tools: %w", err)
		}
		fmt.Fprintln(os.Stderr, "authclient: Warden asks the user to authorize:", link[1])
		if err := authorize(ctx, link[1]); err != nil {
			return fmt.Errorf("the user's authorization: %w", err)
		}
		tools, err = cs.ListTools(ctx, nil)
	}
	if err != nil {
		return fmt.Errorf("listing tools: %w", err)
	}
	if len(tools.Tools) == 0 {
		return errors.New("Warden listed no tools")
	}
	res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: tools.Tools[0].Name, Arguments: map[string]any{}})
	if err != nil {
		return fmt.Errorf("calling %s: %w", tools.Tools[0].Name, err)
	}
	if res.IsError {
		b, _ := json.Marshal(res)
		return fmt.Errorf("calling %s: %s", tools.Tools[0].Name, b)
	}
	fmt.Fprintln(os.Stderr, "authclient: listed and called", tools.Tools[0].Name, "through Warden")
	return nil
}

type asMetadata struct {
	Issuer                string   `json:"issuer"`
	AuthorizationEndpoint string   `json:"authorization_endpoint"`
	TokenEndpoint         string   `json:"token_endpoint"`
	RegistrationEndpoint  string   `json:"registration_endpoint"`
	AuthMethods           []string `json:"token_endpoint_auth_methods_supported"`
	IssParameterSupported bool     `json:"authorization_response_iss_parameter_supported"`
}

// register is the operator registering Warden as a client (RFC 7591),
// with the first token endpoint authentication method the server lists.
func register(ctx context.Context, as *asMetadata, callback string) (scenarioContext, error) {
	var sc scenarioContext
	if as.RegistrationEndpoint == "" {
		return sc, errors.New("no client credentials in the scenario and no registration endpoint")
	}
	method := "client_secret_basic"
	if len(as.AuthMethods) > 0 {
		method = as.AuthMethods[0]
	}
	body, _ := json.Marshal(map[string]any{"client_name": "warden", "redirect_uris": []string{callback},
		"grant_types": []string{"authorization_code", "refresh_token"}, "response_types": []string{"code"},
		"token_endpoint_auth_method": method, "application_type": "web"})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, as.RegistrationEndpoint, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return sc, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return sc, fmt.Errorf("registration: %s", resp.Status)
	}
	err = json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&sc)
	fmt.Fprintf(os.Stderr, "authclient: registered as %s with %s\n", sc.ClientID, method)
	return sc, err
}

// discover finds the upstream's authorization server the way an operator
// would before writing the configuration: the protected resource metadata
// named by the 401's WWW-Authenticate (RFC 9728), then the authorization
// server's metadata (RFC 8414).
func discover(ctx context.Context, serverURL string) (*asMetadata, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, serverURL, strings.NewReader(`{"jsonrpc":"2.0","id":0,"method":"ping"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	prmURL := ""
	if m := regexp.MustCompile(`resource_metadata="([^"]+)"`).FindStringSubmatch(resp.Header.Get("WWW-Authenticate")); m != nil {
		prmURL = m[1]
	} else {
		u, _ := url.Parse(serverURL)
		prmURL = u.Scheme + "://" + u.Host + "/.well-known/oauth-protected-resource" + u.Path
	}
	var prm struct {
		AuthorizationServers []string `json:"authorization_servers"`
	}
	if err := getJSON(ctx, prmURL, &prm); err != nil {
		return nil, err
	}
	if len(prm.AuthorizationServers) == 0 {
		return nil, errors.New("the protected resource metadata names no authorization server")
	}
	issuer := prm.AuthorizationServers[0]
	u, err := url.Parse(issuer)
	if err != nil {
		return nil, err
	}
	var md asMetadata
	if err := getJSON(ctx, u.Scheme+"://"+u.Host+"/.well-known/oauth-authorization-server"+strings.TrimSuffix(u.Path, "/"), &md); err != nil {
		return nil, err
	}
	if md.Issuer != issuer || md.TokenEndpoint == "" {
		return nil, fmt.Errorf("authorization server metadata: issuer %q (want %q), token_endpoint %q", md.Issuer, issuer, md.TokenEndpoint)
	}
	return &md, nil
}

func getJSON(ctx context.Context, u string, v any) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(v)
}

// authorize is the user's browser: it opens Warden's link (the
// authorization server approves at once and redirects to Warden's
// callback) and confirms on Warden's page.
func authorize(ctx context.Context, link string) error {
	browser := &http.Client{Timeout: 10 * time.Second}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	resp, err := browser.Do(req)
	if err != nil {
		return err
	}
	page, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	m := regexp.MustCompile(`name="confirm" value="([^"]+)"`).FindSubmatch(page)
	if resp.StatusCode != 200 || m == nil {
		return fmt.Errorf("callback page: %s: %.300s", resp.Status, page)
	}
	callback := resp.Request.URL
	callback.RawQuery = ""
	resp, err = browser.PostForm(callback.String(), url.Values{"confirm": {string(m[1])}})
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("confirmation: %s: %.300s", resp.Status, body)
	}
	return nil
}
