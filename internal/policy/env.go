package policy

import (
	"context"
	"reflect"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/warden-mcp/warden/internal/policy/constraint"
)

// urlTimeout bounds the DNS lookups of one url_allowed call: CEL functions
// get no context, and a guard must decide within its time bound.
const urlTimeout = 500 * time.Millisecond

func newEnv(res constraint.Resolver) (*cel.Env, error) {
	obj := cel.MapType(cel.StringType, cel.DynType)
	strList := cel.ListType(cel.StringType)
	return cel.NewEnv(
		cel.OptionalTypes(),
		cel.Variable("principal", obj),
		cel.Variable("client", obj),
		cel.Variable("server", cel.StringType),
		cel.Variable("method", cel.StringType),
		cel.Variable("tool", obj),
		cel.Variable("args", obj),
		cel.Variable("session", obj),
		cel.Variable("now", cel.TimestampType),
		cel.Function("path_within",
			cel.Overload("path_within_string_list", []*cel.Type{cel.StringType, strList}, cel.BoolType,
				cel.BinaryBinding(func(p, roots ref.Val) ref.Val {
					rs, err := stringList(roots)
					if err != nil {
						return types.NewErr("path_within: %v", err)
					}
					return types.Bool(constraint.PathWithin(string(p.(types.String)), rs) == nil)
				}))),
		cel.Function("url_allowed",
			cel.Overload("url_allowed_string_list", []*cel.Type{cel.StringType, strList}, cel.BoolType,
				cel.BinaryBinding(func(u, hosts ref.Val) ref.Val {
					hs, err := stringList(hosts)
					if err != nil {
						return types.NewErr("url_allowed: %v", err)
					}
					c := &constraint.URLChecker{Hosts: hs, Resolver: res, Timeout: urlTimeout}
					return types.Bool(c.Check(context.Background(), string(u.(types.String))) == nil)
				}))),
		cel.Function("sql_read_only",
			cel.Overload("sql_read_only_string", []*cel.Type{cel.StringType}, cel.BoolType,
				cel.UnaryBinding(func(q ref.Val) ref.Val {
					return types.Bool(constraint.ReadOnlySQL(string(q.(types.String))) == nil)
				}))),
	)
}

func stringList(v ref.Val) ([]string, error) {
	n, err := v.ConvertToNative(reflectStrings)
	if err != nil {
		return nil, err
	}
	return n.([]string), nil
}

var reflectStrings = reflect.TypeOf([]string(nil))
