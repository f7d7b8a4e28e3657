// Package postgres is Warden's clustered store: several gateways share one
// PostgreSQL database, and the audit head check and KV versions keep them
// from overwriting each other.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/warden-mcp/warden/internal/store"
	"github.com/warden-mcp/warden/internal/store/internal/sqldb"
)

const maxConns = 10

// migrateLockKey is an arbitrary constant ("warden" in ASCII) naming the
// advisory lock that serialises schema migrations across gateways.
const migrateLockKey = 0x77617264656e

var dialect = sqldb.Dialect{
	Name:         "postgres",
	DollarParams: true,
	Migrations: [][]string{{
		`CREATE TABLE audit (
			seq BIGINT PRIMARY KEY,
			time_ns BIGINT NOT NULL,
			data BYTEA NOT NULL,
			prev_hash BYTEA NOT NULL,
			hash BYTEA NOT NULL)`,
		// Stops accidents, not a superuser; the hash chain detects tampering.
		`CREATE FUNCTION warden_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
			$$ BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$`,
		`CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
			FOR EACH ROW EXECUTE FUNCTION warden_audit_append_only()`,
		// COLLATE "C" gives the bytewise key order the interface promises.
		`CREATE TABLE kv (
			namespace TEXT COLLATE "C" NOT NULL,
			key TEXT COLLATE "C" NOT NULL,
			value BYTEA NOT NULL,
			version BIGINT NOT NULL,
			expires_ns BIGINT,
			PRIMARY KEY (namespace, key))`,
		`CREATE INDEX kv_expires ON kv (expires_ns) WHERE expires_ns IS NOT NULL`,
		// Sequence values are never handed out twice, even on rollback.
		`CREATE SEQUENCE kv_version`,
	}},
	MigrateLock:       fmt.Sprintf(`SELECT pg_advisory_xact_lock(%d)`, migrateLockKey),
	NextVersion:       `SELECT nextval('kv_version')`,
	IsUniqueViolation: isUniqueViolation,
}

func isUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// Open connects to the database named by dsn (a postgres:// URL or
// key=value string, as libpq takes) and migrates its schema. Tables live
// in the first schema on the search_path.
func Open(ctx context.Context, dsn string) (store.Store, error) {
	return open(ctx, dsn, false)
}

// OpenReadOnly connects without migrating, for `warden audit verify` and
// `tail`: the schema must exist and be current, and the session refuses
// writes. Migrating here would create empty tables wherever a mistyped DSN
// points, and an empty chain verifies.
func OpenReadOnly(ctx context.Context, dsn string) (store.Store, error) {
	return open(ctx, dsn, true)
}

func open(ctx context.Context, dsn string, readOnly bool) (store.Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: parsing DSN: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	if readOnly {
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(maxConns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connecting to %s:%d/%s: %w", cfg.Host, cfg.Port, cfg.Database, err)
	}
	s, err := sqldb.New(ctx, db, dialect, readOnly)
	if err != nil {
		return nil, fmt.Errorf("postgres: opening %s:%d/%s: %w", cfg.Host, cfg.Port, cfg.Database, err)
	}
	return s, nil
}
