package constraint

import (
	"fmt"
	"regexp"
	"slices"
	"unicode/utf8"
)

// Length checks that s has between min and max characters (runes); a
// negative bound is not checked.
func Length(s string, min, max int) error {
	n := utf8.RuneCountInString(s)
	if min >= 0 && n < min {
		return fmt.Errorf("is %d characters long, shorter than %d", n, min)
	}
	if max >= 0 && n > max {
		return fmt.Errorf("is %d characters long, longer than %d", n, max)
	}
	return nil
}

// Pattern checks that s matches re (which the caller anchors if needed).
func Pattern(s string, re *regexp.Regexp) error {
	if !re.MatchString(s) {
		return fmt.Errorf("does not match %s", re)
	}
	return nil
}

// Enum checks that s is one of allowed.
func Enum(s string, allowed []string) error {
	if !slices.Contains(allowed, s) {
		return fmt.Errorf("%q is not one of the allowed values", s)
	}
	return nil
}
