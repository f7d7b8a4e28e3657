package policy

import (
	"testing"

	"cel.dev/cel-go/cel"
	"github.com/dolthub/vitess/go/vt/sqlparser"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestProbe(t *testing.T) {
	_, _ = cel.NewEnv()
	_, _ = sqlparser.Parse("select 1")
	_ = jsonschema.NewCompiler()
}
