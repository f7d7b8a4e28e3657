// Package storeopen picks a store backend from a configuration string, so
// that callers need not import every backend themselves.
package storeopen

import (
	"context"
	"strings"

	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/postgres"
	"github.com/warden-mcp/warden/internal/store/sqlite"
)

// Open opens the store named by dsn:
//
//	postgres://... or postgresql://...  PostgreSQL (clustered)
//	sqlite:PATH                         SQLite file, or PATH/warden.db if PATH is a directory
//	PATH                                the same as sqlite:PATH
func Open(ctx context.Context, dsn string) (store.Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres.Open(ctx, dsn)
	case strings.HasPrefix(dsn, "sqlite:"):
		return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	default:
		return sqlite.Open(ctx, dsn)
	}
}

// OpenReadOnly opens an existing, migrated store for reading only: it
// never creates or migrates one, so a mistyped DSN fails instead of
// presenting an empty (and so "intact") audit chain.
func OpenReadOnly(ctx context.Context, dsn string) (store.Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres.OpenReadOnly(ctx, dsn)
	case strings.HasPrefix(dsn, "sqlite:"):
		return sqlite.OpenReadOnly(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	default:
		return sqlite.OpenReadOnly(ctx, dsn)
	}
}
