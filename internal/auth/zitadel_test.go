package auth

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/warden-mcp/warden/internal/config"
)

// ztStorage runs the zitadel/oidc example storage with three changes: the
// service user's access tokens are JWTs, their audience is the resource the
// test chooses (as an RFC 8707-aware server would set it), and the signing
// key can be rotated.
type ztStorage struct {
	*storage.Storage
	mu       sync.Mutex
	resource string
	key      ztKey
}

type ztKey struct {
	id  string
	key *ecdsa.PrivateKey
}

func (k ztKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.ES256 }
func (k ztKey) Key() any                                    { return k.key }
func (k ztKey) ID() string                                  { return k.id }

type ztPublic struct{ ztKey }

func (k ztPublic) Algorithm() jose.SignatureAlgorithm { return jose.ES256 }
func (k ztPublic) Use() string                        { return "sig" }
func (k ztPublic) Key() any                           { return &k.key.PublicKey }

type jwtClient struct{ op.Client }

func (jwtClient) AccessTokenType() op.AccessTokenType { return op.AccessTokenTypeJWT }

func (s *ztStorage) rotate(t *testing.T, id string) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	s.key = ztKey{id: id, key: k}
	s.mu.Unlock()
}

func (s *ztStorage) SigningKey(context.Context) (op.SigningKey, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.key, nil
}

func (s *ztStorage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.ES256}, nil
}

func (s *ztStorage) KeySet(context.Context) ([]op.Key, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return []op.Key{ztPublic{s.key}}, nil
}

func (s *ztStorage) ClientCredentials(ctx context.Context, id, secret string) (op.Client, error) {
	c, err := s.Storage.ClientCredentials(ctx, id, secret)
	if err != nil {
		return nil, err
	}
	return jwtClient{c}, nil
}

func (s *ztStorage) ClientCredentialsTokenRequest(ctx context.Context, id string, scopes []string) (op.TokenRequest, error) {
	tr, err := s.Storage.ClientCredentialsTokenRequest(ctx, id, scopes)
	if err != nil {
		return nil, err
	}
	jr, ok := tr.(*oidc.JWTTokenRequest)
	if !ok {
		return tr, nil
	}
	s.mu.Lock()
	jr.Audience = []string{s.resource}
	s.mu.Unlock()
	return jr, nil
}

// TestZitadelProvider checks Warden against a real OpenID provider, the OP
// package of github.com/zitadel/oidc, over HTTP on loopback: discovery,
// JWKS, client-credentials JWTs, audience binding and key rotation.
func TestZitadelProvider(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	issuer := srv.URL
	st := &ztStorage{Storage: storage.NewStorage(storage.NewUserStore(issuer)), resource: testResource}
	st.rotate(t, "zk1")
	provider, err := op.NewProvider(&op.Config{CryptoKey: sha256.Sum256([]byte("warden-test")), CodeMethodS256: true},
		st, op.StaticIssuer(issuer), op.WithAllowInsecure())
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("/", provider)

	a, err := New(context.Background(), config.Auth{Mode: config.AuthOAuth, Issuer: issuer, Resource: testResource,
		ClockSkew: config.Duration(30 * time.Second)}, nil)
	if err != nil {
		t.Fatalf("New against the zitadel OP: %v", err)
	}
	a.keys.minRefresh = 0
	md, err := discover(context.Background(), fetchClient(), issuer)
	if err != nil {
		t.Fatal(err)
	}
	getToken := func() string {
		t.Helper()
		cc := clientcredentials.Config{ClientID: "sid1", ClientSecret: "verysecret", TokenURL: md.TokenEndpoint}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		tok, err := cc.Token(ctx)
		if err != nil {
			t.Fatalf("client credentials at the zitadel OP: %v", err)
		}
		if strings.Count(tok.AccessToken, ".") != 2 {
			t.Fatalf("access token is not a JWT: %q", tok.AccessToken)
		}
		return tok.AccessToken
	}

	first := getToken()
	p, err := a.Authenticate(authReq(first))
	if err != nil {
		t.Fatalf("token from the zitadel OP refused: %v", err)
	}
	if p.Issuer != issuer || p.Subject != "sid1" {
		t.Errorf("principal = %+v", p)
	}

	// Rotation: the OP signs with a new key and publishes only it.
	st.rotate(t, "zk2")
	if _, err := a.Authenticate(authReq(getToken())); err != nil {
		t.Errorf("token signed with the rotated key refused: %v", err)
	}
	if _, err := a.Authenticate(authReq(first)); err == nil {
		t.Error("token signed with the retired key still accepted")
	}

	// A token the OP issues for another resource is refused.
	st.mu.Lock()
	st.resource = "https://other.example.test/mcp"
	st.mu.Unlock()
	_, err = a.Authenticate(authReq(getToken()))
	if he := httpErr(t, err, http.StatusUnauthorized); !strings.Contains(he.Msg, "another resource") {
		t.Errorf("error = %q", he.Msg)
	}
}
