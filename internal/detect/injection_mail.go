package detect

import (
	"regexp"
	"strings"
)

// listCommandSend reports an inj.exfil.send-data match (text[a:b] of the
// normalised, lower-case text) that asks to mail a mailing list's own
// command to the list's robot: "send the line "unsubscribe netdev" in the
// body of a message to majordomo@vger.kernel.org", the footer of every
// message of many lists (round 31: 18 of 22 flagged tune messages). What
// would be sent is the quoted command alone, so nothing of the reader's
// leaves; a match with anything more (the user's data, a second object) or
// to another address keeps its finding. The window classifier and the
// task model still read the sentence.
func listCommandSend(text string, a, b int) bool {
	m := text[a:b]
	if !strings.Contains(m, "subscribe") && !strings.Contains(m, "signoff") && !strings.Contains(m, "help") {
		return false
	}
	return listCommandShape.MatchString(unwrapMailLines(m))
}

var listCommandShape = regexp.MustCompile(`^(?:send|e-?mail|post)\s+` +
	// the line / a message with / an e-mail containing the line
	`(?:(?:the\s+)?(?:line|command|word|text)\s*:?\s+|(?:a|an|the)\s+(?:blank\s+|new\s+|plain\s+)?(?:message|e-?mail|mail)\s+(?:with|containing|saying)\s+(?:the\s+(?:line|command|word|text)\s+)?)?` +
	// the command, quoted, with at most two arguments (list name, address)
	`["'\x60]\s*(?:(?:un)?subscribe|signoff|help)(?:\s+[a-z0-9._@+-]+){0,2}\s*["'\x60]` +
	// where it goes: the body or the subject of a message
	`\s+(?:in|as)\s+(?:the\s+)?(?:body|subject)(?:\s+line)?(?:\s+of\s+(?:a|an|the|your)\s+(?:new\s+)?(?:message|e-?mail|mail))?` +
	// to a list robot's address
	`\s+to\s+[<(]?[a-z0-9._%+-]*(?:majordomo|listserv|listproc|mailman|sympa|ezmlm|request|subscribe)[a-z0-9._%+-]*@[a-z0-9.-]+\.[a-z]{2,}$`)

// unwrapMailLines reads a raw message's line structure inside a match as
// the words it breaks: quoted-printable soft breaks ("i=\nn", normalised
// "i= n", is "in") and the "> " prefixes of a quoted reply. Used only to
// compare a match with listCommandShape, whose grammar stays strict.
func unwrapMailLines(m string) string {
	m = qpSoftBreak.ReplaceAllString(m, "")
	return quotePrefix.ReplaceAllString(m, " ")
}

var (
	qpSoftBreak = regexp.MustCompile(`=[ \t]*\r?\n|=[ \t]+`)
	quotePrefix = regexp.MustCompile(`\s[\s>]*`)
)
