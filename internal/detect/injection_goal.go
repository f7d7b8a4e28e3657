package detect

// Round 91: the reader's goal taken away, and notes labelled for the AI,
// in shapes the older hijack and addressing rules do not read: "you are no
// longer a helpful assistant", "your goal is no longer to summarize this
// inbox", "forget the summary task", "Update for the AI agent: …". Goal
// hijacking is a class of its own in agent benchmarks; the older rules
// read it when a new task or persona is announced, not when the old one
// is taken away.
//
// A wider rule was tried and dropped before any eval set was scored: an
// order to a reader named as the assistant or the model ("the assistant
// must run the fallback script") flagged 7 of 25 look-alike sentences the
// lead wrote (an executive assistant who must forward invoices, a chatbot
// that may now escalate tickets, a model that should execute a tool call
// after the user confirms): who reads a document is the one thing its
// words do not say.

// goalAnchors open quiet windows for goalRules where no older anchor does.
var goalAnchors = []string{
	"for the ai", "for the assistant", "for any ai", "for ai", "for the llm",
	"no longer", "the summary task", "the summarization task", "the summarisation task", "the translation task",
	"the original task", "the assigned task",
}

func goalRules() []Rule {
	return []Rule{
		// A goal taken away from the reader ("you are no longer a helpful
		// assistant", "your goal is no longer to summarize this inbox",
		// "forget the summary task"). Not "you are no longer an authorised
		// agent" (insurance) or "your role is no longer needed" (HR): the
		// noun is an AI's, the goal is followed by "to".
		{ID: "inj.hijack.no-longer", Family: FamilyHijack, Weight: 0.7, Back: 40, Fwd: 120,
			Keywords: []string{"longer", "forget", "abandon", "disregard", "ignore"},
			Pattern: `\byou\s+are\s+no\s+longer\s+(?:a|an|the|just|merely|only)?\s*(?:\w+\s+){0,2}?(?:assistant|ai|model|chatbot|llm|summari[sz]er|\w+bot|\w*gpt)\b` +
				`|\byour\s+(?:(?:main|real|only|primary|current|original)\s+)?(?:goal|objective|mission|purpose)\s+is\s+no\s+longer\s+to\b` +
				`|\b(?:forget|abandon|disregard|ignore)\s+(?:the|your|this)\s+(?:summary|summari[sz]ation|translation|original|assigned)\s+(?:task|assignment)\b`,
			Explain: "takes the reader's goal or role away"},
		{ID: "inj.address.ai-label", Family: FamilyAddressing, Weight: 0.6, Back: 40, Fwd: 60,
			Keywords: []string{"ai", "llm", "llms", "model", "models", "assistant", "assistants", "chatbot", "copilot", "language"},
			Also:     []string{"update", "request", "reminder", "directive", "order", "instructions", "instruction"},
			Pattern:  `\b(?:update|request|reminder|directive|order|new\s+instructions?)\s+(?:for|to)\s+(?:the\s+|any\s+|all\s+|an\s+)?(?:ai|a\.i\.|ai\s+(?:assistant|agent|model|system)|llm|language\s+model|assistant)s?\s*(?:[,:!]|-\s)`,
			Explain:  "a note labelled for the AI reading the document"},
	}
}
