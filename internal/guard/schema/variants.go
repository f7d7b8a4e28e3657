package schema

import (
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Go's encoding/json matches member names case-insensitively (folding
// U+017F to s and U+212A to k), so a Go server binds "PATH" to its field
// "path". A schema that does not forbid additional properties accepts
// "PATH" unchecked, and the server then runs with a "path" nothing
// validated. These checks refuse such look-alike names. (The gateway
// already refuses an object holding both "path" and "PATH".)

// maxApplicable bounds the subschemas gathered for one instance location.
const maxApplicable = 256

// lookAlike returns the location (a JSON pointer) of the first member of
// inst that is not a property any applicable subschema declares but
// differs from one only in letter case, and that property; "" when there
// is none. It runs on every call, so it allocates little: the subschemas
// of each level share one stack.
func lookAlike(sch *jsonschema.Schema, inst any) (string, string) {
	w := walker{stack: make([]*jsonschema.Schema, 1, 16)}
	w.stack[0] = sch
	path, name := w.at(0, inst)
	if path == nil {
		return "", ""
	}
	slices.Reverse(path)
	return "/" + strings.Join(path, "/"), name
}

type walker struct{ stack []*jsonschema.Schema }

// at checks inst against the schemas on the stack from base on, and
// returns the path to a look-alike innermost first.
func (w *walker) at(base int, inst any) ([]string, string) {
	switch v := inst.(type) {
	case map[string]any:
		w.expand(base)
		top := len(w.stack)
		for k, child := range v {
			for i := base; i < top; i++ {
				s := w.stack[i]
				if p, ok := s.Properties[k]; ok {
					w.stack = append(w.stack, p)
					continue
				}
				for name := range s.Properties {
					if strings.EqualFold(k, name) && !declares(w.stack[base:top], k) {
						return []string{k}, name
					}
				}
				matched := false
				for re, p := range s.PatternProperties {
					if re.MatchString(k) {
						w.stack, matched = append(w.stack, p), true
					}
				}
				if ap, ok := s.AdditionalProperties.(*jsonschema.Schema); ok && !matched {
					w.stack = append(w.stack, ap)
				}
			}
			if len(w.stack) > top {
				if at, name := w.at(top, child); at != nil {
					return append(at, k), name
				}
			}
			w.stack = w.stack[:top]
		}
	case []any:
		w.expand(base)
		top := len(w.stack)
		for n, child := range v {
			for i := base; i < top; i++ {
				s := w.stack[i]
				if n < len(s.PrefixItems) {
					w.stack = append(w.stack, s.PrefixItems[n])
				} else if s.Items2020 != nil {
					w.stack = append(w.stack, s.Items2020)
				}
				switch it := s.Items.(type) {
				case *jsonschema.Schema:
					w.stack = append(w.stack, it)
				case []*jsonschema.Schema:
					if n < len(it) {
						w.stack = append(w.stack, it[n])
					} else if ai, ok := s.AdditionalItems.(*jsonschema.Schema); ok {
						w.stack = append(w.stack, ai)
					}
				}
			}
			if len(w.stack) > top {
				if at, name := w.at(top, child); at != nil {
					return append(at, strconv.Itoa(n)), name
				}
			}
			w.stack = w.stack[:top]
		}
	}
	return nil, ""
}

// expand adds to the stack, from base on, every subschema that applies at
// the same instance location: references and composition branches.
func (w *walker) expand(base int) {
	if !slices.ContainsFunc(w.stack[base:], composes) {
		return
	}
	var add func(s *jsonschema.Schema)
	add = func(s *jsonschema.Schema) {
		if s == nil || slices.Contains(w.stack[base:], s) || len(w.stack)-base >= maxApplicable {
			return
		}
		w.stack = append(w.stack, s)
		walkSubs(s, add)
	}
	for i, top := base, len(w.stack); i < top; i++ {
		walkSubs(w.stack[i], add)
	}
}

// walkSubs calls add with each subschema of s that applies at s's own
// instance location.
func walkSubs(s *jsonschema.Schema, add func(*jsonschema.Schema)) {
	add(s.Ref)
	add(s.RecursiveRef)
	if s.DynamicRef != nil {
		add(s.DynamicRef.Ref)
	}
	for _, l := range [][]*jsonschema.Schema{s.AllOf, s.AnyOf, s.OneOf} {
		for _, b := range l {
			add(b)
		}
	}
	add(s.If)
	add(s.Then)
	add(s.Else)
	for _, d := range s.DependentSchemas {
		add(d)
	}
}

// declares reports whether some schema declares the property name.
func declares(schemas []*jsonschema.Schema, name string) bool {
	for _, s := range schemas {
		if _, ok := s.Properties[name]; ok {
			return true
		}
	}
	return false
}

// composes reports whether s has subschemas that apply at its own
// instance location.
func composes(s *jsonschema.Schema) bool {
	return s.Ref != nil || s.RecursiveRef != nil || s.DynamicRef != nil || len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 ||
		s.If != nil || s.Then != nil || s.Else != nil || len(s.DependentSchemas) > 0
}
