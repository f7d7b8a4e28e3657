package detect

// round27Rules catch tool-selection orders that claim every choice for
// this tool. preference.select-self and preference.versus-others read the
// same orders but count only beside a second cue (preferenceGate), because
// real servers route the model between their own tools ("ALWAYS use this
// instead of the analysis tool", "Prefer this over 'execute_command'",
// "Use this tool rather than the other search tools when the query is
// about code"). What honest routing does not say is that this tool beats
// every other one, that it is the only tool the model should ever use,
// that the other tools are broken, or that the model should use it
// exclusively: a quantifier over all alternatives, or a claim on the
// model's whole choice, is the cue that stands alone here.
func round27Rules() []Rule {
	return []Rule{
		{ID: "preference.exclusive", Family: FamilyPreference, Weight: 0.5, Back: 80, Fwd: 100,
			Keywords: []string{"other", "another", "only", "instead", "exclusively", "always", "competing", "alternative", "rival", "similar", "third"},
			Pattern: `\b` + reSelect + ` (?:this|it|me)(?: (?:tool|one|function|service|server|api))?(?: \w+){0,2}? (?:over|above|instead of|rather than|ahead of|in preference to) (?:any|all|every) (?:single )?(?:other|competing|alternative|rival|third-party)\b|` +
				`\b(?:best|first|preferred|right|one) and only (?:\w+ ){0,2}?(?:tool|choice|option|function|server|service)\b|` +
				`\bthe only (?:\w+ ){0,2}?(?:tool|function|server|service) (?:you|the (?:model|assistant|agent|ai)) (?:should|must|will|shall) (?:ever )?(?:use|call|choose|pick|trust|need)\b|` +
				`\b(?:other|competing|alternative|rival|similar)(?: \w+){0,2}? (?:tools|servers|services|providers|functions|apis) (?:are|is) (?:now |all )?(?:unreliable|unsafe|broken|insecure|inferior|compromised|unmaintained|untrusted|untrustworthy|malicious)\b|` +
				`\b(?:never|do not|don'?t) (?:use|call|choose|pick|trust) (?:another|a different) (?:\w+ )?(?:tool|server|function|service)(?: for (?:\w+ )?\w+)?\s*(?:[.,;!]|$)|` +
				`\buse (?:this|it|me)(?: tool| one)? instead for (?:all|every|any)\b|` +
				`\b(?:use|call) (?:it|this(?: tool| one)?|me) exclusively(?:\s*[.;!]|$| for (?:all|every|any)\b)|` +
				`\b(?:tool|function) that (?:should|must) always be (?:run|called|used|invoked|executed)\s*(?:[.!]|$)`,
			Explain: "claims the model's every tool choice for this tool"},
	}
}
