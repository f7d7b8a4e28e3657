package constraint

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dolthub/vitess/go/vt/sqlparser"
)

// maxSQL bounds the statement text handed to the parser.
const maxSQL = 64 << 10

// sideEffectFuncs are functions that read files, write, sleep or change
// server state even inside a SELECT.
var sideEffectFuncs = map[string]bool{
	"load_file": true, "sleep": true, "benchmark": true, "get_lock": true, "release_lock": true,
	"pg_sleep": true, "pg_read_file": true, "pg_read_binary_file": true, "pg_ls_dir": true,
	"lo_import": true, "lo_export": true, "dblink": true, "dblink_exec": true,
	"nextval": true, "setval": true, "set_config": true, "pg_terminate_backend": true,
	"pg_cancel_backend": true, "pg_reload_conf": true, "pg_advisory_lock": true,
	"query_to_xml": true, "sys_exec": true, "sys_eval": true,
}

// ReadOnlySQL accepts exactly one SELECT (or UNION of SELECTs) that writes
// nothing: no INTO, no locking clause, no function known to have side
// effects. The text is parsed by a real SQL parser (the MySQL grammar of
// github.com/dolthub/vitess); anything it cannot parse is refused, so
// dialect-specific syntax fails closed.
func ReadOnlySQL(q string) error {
	if len(q) > maxSQL {
		return fmt.Errorf("SQL is longer than %d bytes", maxSQL)
	}
	if strings.TrimSpace(q) == "" {
		return errors.New("SQL is empty")
	}
	// MySQL runs the body of /*! ... */ comments; refuse them outright.
	if strings.Contains(q, "/*!") || strings.Contains(q, "/*+") {
		return errors.New("SQL contains an executable comment")
	}
	st, err := parseOnly(q)
	if err != nil {
		return err
	}
	return readOnly(st)
}

// parseOnly parses q, which must hold exactly one statement. The parser
// is third-party generated code: a panic in it is a refusal, not a crash.
func parseOnly(q string) (st sqlparser.Statement, err error) {
	defer func() {
		if r := recover(); r != nil {
			st, err = nil, fmt.Errorf("SQL parser failed: %v", r)
		}
	}()
	ctx := context.Background()
	st, next, err := sqlparser.ParseOne(ctx, q)
	if errors.Is(err, sqlparser.ErrEmpty) {
		return nil, errors.New("SQL contains no statement")
	}
	if err != nil {
		return nil, fmt.Errorf("SQL does not parse: %v", err)
	}
	if next < 0 || next > len(q) {
		return nil, errors.New("SQL parser returned an invalid position")
	}
	rest := strings.TrimLeft(q[next:], "; \t\r\n")
	if strings.TrimSpace(rest) == "" {
		return st, nil
	}
	if _, _, err := sqlparser.ParseOne(ctx, rest); errors.Is(err, sqlparser.ErrEmpty) {
		return st, nil // only comments follow
	}
	return nil, errors.New("SQL contains more than one statement")
}

func readOnly(st sqlparser.Statement) error {
	switch s := st.(type) {
	case *sqlparser.Select:
		if s.Into != nil {
			return errors.New("SELECT ... INTO writes data")
		}
		if s.Lock != nil && s.Lock.Type != "" {
			return errors.New("SELECT with a locking clause is not read-only")
		}
	case *sqlparser.SetOp:
		if s.Into != nil {
			return errors.New("SELECT ... INTO writes data")
		}
		if err := readOnly(s.Left); err != nil {
			return err
		}
		if err := readOnly(s.Right); err != nil {
			return err
		}
	case *sqlparser.ParenSelect:
		return readOnly(s.Select)
	default:
		return fmt.Errorf("SQL statement %s is not a SELECT", kind(st))
	}
	var bad error
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		switch f := n.(type) {
		case *sqlparser.FuncExpr:
			name := strings.ToLower(f.Name.String())
			if sideEffectFuncs[name] {
				bad = fmt.Errorf("SQL calls %s, which has side effects", name)
				return false, nil
			}
		case *sqlparser.Select:
			if f.Into != nil {
				bad = errors.New("SELECT ... INTO writes data")
				return false, nil
			}
		}
		return true, nil
	}, st)
	return bad
}

func kind(st sqlparser.Statement) string {
	t := fmt.Sprintf("%T", st)
	return strings.ToUpper(strings.TrimPrefix(t, "*sqlparser."))
}
