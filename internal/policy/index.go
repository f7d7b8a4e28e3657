package policy

import (
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
)

// toolNames returns the only tool names a rule can match, when its
// expression is a conjunction with a term tool.name == "X" or tool.name in
// ["X", ...]; nil means it may match any. Decide skips rules whose names
// do not include the request's, without evaluating them.
func toolNames(e ast.Expr) []string {
	if e.Kind() != ast.CallKind {
		return nil
	}
	c := e.AsCall()
	args := c.Args()
	switch c.FunctionName() {
	case operators.LogicalAnd:
		for _, a := range args {
			if n := toolNames(a); n != nil {
				return n
			}
		}
	case operators.Equals:
		if len(args) != 2 {
			return nil
		}
		for i := range 2 {
			if isToolName(args[i]) {
				if s, ok := stringLit(args[1-i]); ok {
					return []string{s}
				}
			}
		}
	case operators.In:
		if len(args) != 2 || !isToolName(args[0]) || args[1].Kind() != ast.ListKind {
			return nil
		}
		var out []string
		for _, el := range args[1].AsList().Elements() {
			s, ok := stringLit(el)
			if !ok {
				return nil
			}
			out = append(out, s)
		}
		if out == nil {
			out = []string{}
		}
		return out
	}
	return nil
}

func isToolName(e ast.Expr) bool {
	if e.Kind() != ast.SelectKind {
		return false
	}
	s := e.AsSelect()
	op := s.Operand()
	return !s.IsTestOnly() && s.FieldName() == "name" && op.Kind() == ast.IdentKind && op.AsIdent() == "tool"
}

func stringLit(e ast.Expr) (string, bool) {
	if e.Kind() != ast.LiteralKind {
		return "", false
	}
	s, ok := e.AsLiteral().(types.String)
	return string(s), ok
}
