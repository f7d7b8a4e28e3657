package secrets

import (
	"regexp"
	"slices"
	"strings"
)

// Near misses of formats Warden knows (round 14). Other scanners' test
// tables pair each provider's key with values one step off its format,
// and the provider's own rule rejects them; the generic detectors, which
// know no format, then report them in its place. Two kinds are judged
// here, where the format is documented and the evidence is the value's
// own shape:
//
//   - Hex keys have one length per format (32, 40 or 64 digits for 16,
//     20 or 32 random bytes). A hex value of another length assigned to
//     the name of a provider whose keys are hex (wandb_api_key = <32
//     hex>, where W&B keys are 40) is a digest, an id or a key cut short.
//     Values of another alphabet under the same name stay reported:
//     providers issue several kinds of credential, and a rule rarely
//     knows them all.
//   - Bare sk- keys (no second separator) have 48 or 32 characters.

// hexOwner is a provider word of a by-context rule whose values are hex
// digits; value matches the rule's formats whole.
type hexOwner struct {
	word  string
	value *regexp.Regexp
}

// hexFormat matches value patterns made only of hex runs, each perhaps
// after a short prefix: [a-f0-9]{40}, [a-f0-9]{32}|[a-f0-9]{64},
// sk_[a-f0-9]{48}|[a-f0-9]{32}.
var hexFormat = regexp.MustCompile(`^(?:(?:[a-z0-9]{1,8}_)?\[(?:a-f0-9|0-9a-f)\]\{\d+(?:,\d+)?\}\|?)+$`)

// hexOwnersOf lists the provider words of the by-context rules whose
// values are hex. A word that also names a format of another alphabet
// (cloudflare: a 37-digit hex global key and 40-character API tokens)
// is left out: a value that fits neither may still fit the other.
func hexOwnersOf(rules []*compiledRule) []hexOwner {
	other := map[string]bool{}
	var out []hexOwner
	for _, c := range rules {
		if !c.assign || c.Value == "" {
			continue
		}
		hexValues := hexFormat.MatchString(c.Value)
		var re *regexp.Regexp
		if hexValues {
			// Upper-case hex is the same key; the lengths are what matter.
			re = regexp.MustCompile(`^(?i:` + c.Value + `)$`)
		}
		for _, k := range c.Keywords {
			k = strings.ToLower(k)
			if !hexValues {
				other[k] = true
				continue
			}
			out = append(out, hexOwner{k, re})
		}
	}
	return slices.DeleteFunc(out, func(o hexOwner) bool { return other[o.word] })
}

// hexNearMiss reports a generic candidate holding hex digits (after a
// short prefix, if any) whose name holds the word of a hex-format
// provider and which fits none of that provider's formats.
func (s *Scanner) hexNearMiss(text string, c candidate) bool {
	v := text[c.start:c.end]
	body := hexBody(v)
	if len(s.hexOwners) == 0 || body == "" || !isHex(body) || c.matchStart < 0 || c.matchStart >= c.start {
		return false
	}
	name := strings.ToLower(text[max(c.matchStart, c.start-120):c.start])
	owned := false
	for _, o := range s.hexOwners {
		if strings.Contains(name, o.word) {
			if o.value.MatchString(v) {
				return false
			}
			owned = true
		}
	}
	return owned
}

// hexBody returns v without a short lower-case prefix ending in _ (sk_,
// ak_): the part a hex format's length is about.
func hexBody(v string) string {
	if v == "" || !isLower(v[0]) {
		return v
	}
	for i := 1; i < len(v) && i <= 8; i++ {
		switch {
		case v[i] == '_':
			return v[i+1:]
		case !isLower(v[i]) && !(v[i] >= '0' && v[i] <= '9'):
			return v
		}
	}
	return v
}

// bareSKNearMiss reports an sk- key with a letters-and-digits body of a
// length no issuer of bare sk- keys uses (openai-api-key-legacy in
// rules.toml: 48 or 32). Keys with a further separator (sk-ant-,
// sk-proj-, sk-or-v1-) are other formats and are not judged here.
func bareSKNearMiss(v string) bool {
	body, ok := strings.CutPrefix(v, "sk-")
	if !ok || len(body) == 32 || len(body) == 48 {
		return false
	}
	for i := 0; i < len(body); i++ {
		if !isAlnum(body[i]) {
			return false
		}
	}
	return true
}

// nearMiss reports a generic candidate that is a near miss of a format
// Warden knows.
func (s *Scanner) nearMiss(text string, c candidate) bool {
	return bareSKNearMiss(text[c.start:c.end]) || s.hexNearMiss(text, c)
}
