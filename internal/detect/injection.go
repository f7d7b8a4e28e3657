package detect

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/detect/keywords"
	"github.com/warden-mcp/warden/internal/detect/model"
)

// DefaultInjectionFloor is the classifier floor of the injection detector:
// below it the classifier adds nothing (see docs/injection.md).
const DefaultInjectionFloor = 0.5

// Window sizes of ScanDocument. A prefilter hit opens a region of
// hitBack bytes before and hitFwd bytes after it; overlapping regions
// merge, and a merged region longer than maxWindow is cut into windows of
// maxWindow bytes that overlap by windowOverlap, so an instruction that
// straddles a cut is whole in one of them.
const (
	hitBack       = 384
	hitFwd        = 640
	maxWindow     = 4096
	windowOverlap = 512
	maxDocFinding = 256
	minB64Run     = 40
	minPctRun     = 16 // percent-encoded bytes in a row
)

// injectionAnchors are the prefilter keywords: words and markers that an
// instruction aimed at the model almost always contains. They are matched
// ASCII case-insensitively on the raw bytes at a word start. Only text
// near them (and near hidden characters or readable base64) is
// normalised, matched against the rules and classified.
var injectionAnchors = []string{
	// override
	"ignore", "disregard", "forget", "overrid", "bypass", "nevermind", "never mind",
	"instruction", "prompt", "directive",
	// roles and markers
	"system", "assistant", "<|", "[inst", "<<sys", "</", "###", "<information", "<important",
	"admin", "developer", "jailbr", "dan mode", "do anything now",
	// addressing the model
	"an ai", "the ai", "ai assistant", "ai model", "ai agent", "ai system", "dear ai", "hey ai",
	"llm", "language model", "chatbot", "gpt", "claude", "gemini", "copilot", "agent",
	// hijack
	"new task", "your task", "the task", "your new", "your goal", "your job", "your role", "your only",
	"instead", "from now on", "henceforth", "going forward", "act as", "pretend", "roleplay", "role-play",
	"you are now", "you're now", "you are going to", "you will now", "you must", "you should now",
	"before you", "todo", "to-do", "tasked", "you have been",
	// answer manipulation
	"your answer", "your response", "your reply", "your output", "your solution",
	"your implementation", "your code", "your summary", "your final", "your message", "your translation",
	"following code", "below code", "subsequent code", "code snippet", "code block", "code section",
	"code excerpt", "code fragment", "code segment", "snippet",
	// exfiltration and tools
	"send", "forward", "transfer", "upload", "exfiltrat", "leak", "concatenate", "![",
	"tool", "invoke", "execute", "call the", "use the", "function",
	"the user", "user's", "users'",
	// concealment
	"do not tell", "don't tell", "dont tell", "do not mention", "don't mention", "do not inform",
	"do not reveal", "don't reveal", "never tell", "never mention", "never reveal", "without telling",
	"without the user", "without informing", "secretly", "silently", "covertly", "quietly", "discreetly", "stealthily",
	// authority, urgency
	"important", "urgent", "attention", "priority", "mandatory", "critical", "immediately",
	"authoriz", "authoris", "strictly", "obey", "comply",
	// secrets
	"password", "credential", "api key", "api_key", "private key", "secret", "token",
	// hidden content
	"<!--", "[//]", "[comment]",
	// tools and shell
	"call", "trigger", "rm -", "git push", "chmod", "decode", "base64",
	// jailbreak wrappers (round 19): mode switches, unrestricted personas,
	// overrides hung after the order. Phrases, not single words such as
	// "mode" or "restrictions", which prose is full of ("openai" and "no
	// matter what" are common in documentation and open no rule's lead).
	"mode enabled", "mode activated", "mode has been", "mode is now", "mode is enabled", "mode is activated",
	"mode engaged", "mode unlocked", "mode on", "mode initiated", "operating in", "functioning in",
	"unfiltered", "uncensored", "unrestricted", "amoral", "no restriction", "no filter", "no limit",
	"no moral", "no ethic", "no censor", "without restriction", "without any restriction", "without limit",
	"without any limit", "without filter", "without any filter", "without censor", "regardless of any",
	"regardless of your", "regardless of all", "regardless of the previous", "irrespective of",
	"no matter how", "confines", "any moral", "any ethical", "rules set", "policies set", "guidelines set",
	"restrictions set", "limitations set", "imposed by", "regard for",
	// other languages: "ignore the instructions", "new task"
	"ignor", "instruc", "oublie", "anweisung", "olvid", "istruzion", "instruç", "nouvelle t", "neue aufgabe", "nueva tarea",
	"忽略", "无视", "忽视", "指令", "無視", "игнор", "инструкц", "забудь",
	// leetspeak and reversed text
	// (none starts with a digit: digits are everywhere in JSON and tables)
	"ign0r", "in5t", "pr3v", "pr3v1", "d15r", "d1sr", "syst3m", "sy5t", "pr0mpt", "p4ss", "r3ply", "nstruct10n",
	"erongi", "snoitcurtsni", "dragersid",
	// round 2: contrasts with what the model was told, claims over it,
	// more languages ("vergiss alles davor", Arabic, Korean)
	"despite what", "regardless of what", "notwithstanding", "contrary to what", "in spite of what",
	"do not answer", "don't answer", "dont answer", "never answer",
	"your creator", "your owner", "your programmer", "your operator", "your master", "your maker",
	"my instructions", "my orders", "my commands", "my questions",
	"vergiss", "vergessen", "تجاهل", "انس", "무시",
	"sentiment", "positive or negative", "spam or not", "answer with", "respond with", "reply with",
	"answer in", "respond in", "reply in", "answer using", "respond using", "reply using",
	// round 3: demands hung on the reader's own task
	"on top of your", "in addition to your", "besides your", "apart from your", "alongside your", "as well as your",
	// round 8: what to answer when asked, forged session boundaries
	"if asked", "if questioned", "when asked", "when questioned", "if you are asked",
	"end of session", "end of conversation", "end of chat", "start of session",
	// round 18: the lead words of the other-language rules (otherLanguageRules),
	// raw as text has them (accents kept; capitals of non-ASCII initials too,
	// since only ASCII is matched case-insensitively)
	// Spanish
	"no tengas", "no tenga en", "no tomes", "haz caso omiso", "no hagas caso", "desestim", "descarta",
	"muestra tu", "muéstrame", "revela tu", "revela su", "dime tu", "repite tu", "imprime tu", "mensaje de sistema", "mensaje del sistema",
	"envía", "envia", "envíe", "reenvía", "historial", "tu nueva", "tu verdadera", "tu única", "tu tarea", "su nueva", "su verdadera", "su tarea", "nuevas instrucciones", "nueva instrucción",
	"a partir de ahora", "a partir de este", "desde ahora", "de ahora en adelante", "ahora eres", "ya eres",
	"no digas", "no le digas", "no menciones", "no informes", "no avises", "no cuentes", "no reveles", "no comentes", "sin avisar", "sin decir", "sin informar", "sin que el usuario",
	// French
	"oubli", "ne tiens", "ne tenez", "ne prends pas", "ne prenez pas", "fais abstraction", "faites abstraction", "néglige", "passe outre", "passez outre",
	"affiche", "montre-moi", "révèle", "répète", "envoie", "envoyez", "transmets", "transmettez", "historique",
	"ta nouvelle", "ta véritable", "ta vraie", "ta seule", "ta tâche", "votre nouvelle", "votre véritable", "tes nouvelles", "vos nouvelles", "nouvelles instructions", "nouvelles consignes",
	"désormais", "dorénavant", "à partir de maintenant", "À partir de maintenant", "à partir de ce moment", "À partir de ce moment", "dès maintenant", "tu es maintenant", "tu es désormais",
	"ne dis", "ne dites", "ne mentionne", "ne révèle", "ne signale", "ne parle", "ne préviens", "n'en parle", "sans prévenir", "sans informer", "sans avertir", "sans que l",
	// German
	"missacht", "verwirf", "gib dein", "zeig dein", "zeige dein", "nenne dein", "verrate", "wiederhole",
	"sende den", "sende die", "sende das", "sende alle", "senden sie", "schick", "übermittle", "gesprächsverlauf", "chatverlauf",
	"deine neue", "deine eigentliche", "deine aufgabe", "ihre neue", "neue anweisungen", "ab sofort", "ab jetzt", "von nun an", "fortan", "du bist",
	"erwähne", "sag dem", "sage dem", "sag ihm", "erzähl", "der nutzer darf", "der benutzer darf",
	// Portuguese
	"desconsider", "esqueç", "esquec", "despreze", "não siga", "não leve", "revele", "mostre", "exiba", "repita",
	"envie", "encaminhe", "histórico", "sua nova", "tua nova", "sua tarefa", "sua verdadeira", "tua verdadeira", "sua única", "sua real", "novas instruções",
	"a partir de agora", "de agora em diante", "daqui em diante", "você é", "você está agora", "tu és",
	"não conte", "não diga", "não mencione", "não informe", "não avise", "não revele", "sem avisar", "sem informar",
	// Italian
	"dimentic", "trascura", "tralascia", "non tenere conto", "non considerare", "non seguire", "mostra il tuo", "mostrami", "rivela", "ripeti", "dimmi",
	"invia", "inoltra", "cronologia", "il tuo nuovo", "il tuo compito", "il tuo vero", "nuove istruzioni",
	"d'ora in poi", "da ora in poi", "da adesso", "da questo momento", "ora sei", "adesso sei",
	"non dire", "non dirlo", "non menzionar", "non rivelare", "non informare", "non avvisare", "senza avvisare", "senza informare",
	// Dutch
	"negeer", "vergeet", "houd geen rekening", "hou geen rekening", "toon je", "toon jouw", "systeemprompt", "herhaal je", "geef je",
	"stuur", "verstuur", "chatgeschiedenis", "je nieuwe", "jouw nieuwe", "uw nieuwe", "nieuwe instructies",
	"vanaf nu", "voortaan", "vanaf dit moment", "van nu af aan", "je bent nu", "jij bent nu", "ben je een",
	"vertel de", "zeg de", "meld de", "noem deze", "verklap", "zonder de gebruiker", "zonder dat de gebruiker",
	// Irish, Albanian, Zulu
	"neamhaird", "déan dearmad", "ná tabhair aird", "ná lean", "treoracha", "taispeáin", "leid chórais", "seol", "do thasc", "is é do thasc",
	"ón nóiméad", "Ón nóiméad", "as seo amach", "ó seo amach", "feasta", "ná habair", "ná luaigh", "ná hinis",
	"injoro", "harro", "shpërfill", "mos merr", "mos ndiq", "udhëzim", "shfaq", "dërgo", "historikun", "detyra jote", "detyra juaj",
	"nga tani", "që tani", "tani e tutje", "je tani", "mos i trego", "mos trego", "mos i thuaj", "mos thuaj", "mos përmend", "mos i përmend", "mos u trego",
	"unganaki", "ungayinaki", "ungazinaki", "ungawunaki", "ungalandeli", "imiyalelo", "umyalelo", "bonisa", "khombisa", "thumela",
	"umsebenzi wakho", "kusukela manje", "ungamtsheli", "ungatsheli", "ungabatsheli", "ungayisho", "ungasho",
	// Russian
	"Игнор", "Забудь", "забудьте", "Забудьте", "не обращай", "Не обращай", "отбрось", "Отбрось", "пренебреги", "Пренебреги", "не следуй", "Не следуй",
	"выведи", "Выведи", "покажи", "Покажи", "раскрой", "Раскрой", "повтори", "Повтори", "системн", "Системн", "промпт",
	"отправь", "Отправь", "перешли", "Перешли", "пошли", "Пошли", "передай", "Передай",
	"твоя новая", "Твоя новая", "ваша новая", "Ваша новая", "твоя задача", "Твоя задача", "новые инструкции", "Новые инструкции",
	"с этого момента", "С этого момента", "отныне", "Отныне", "теперь ты", "Теперь ты", "ты теперь", "Ты теперь",
	"не говори", "Не говори", "не сообщай", "Не сообщай", "не рассказывай", "Не рассказывай", "не упоминай", "Не упоминай",
	"не раскрывай", "Не раскрывай", "не показывай", "Не показывай", "втайне", "без ведома",
	// Chinese
	"忘掉", "忘记", "忘了", "不要理会", "不要遵守", "抛开", "你的新", "你的真正", "你的系统", "你现在的任务", "系统提示", "系统指令", "输出你", "显示你", "告诉我你",
	"从现在开始", "从现在起", "从此刻起", "从今以后", "你现在是", "不要告诉", "别告诉", "不要让用户", "不要在回复", "不要在回答", "瞒着用户",
	"聊天记录", "对话记录", "对话历史", "用户的数据", "用户的信息",
	// Japanese
	"忘れて", "従わないで", "システムプロンプト", "あなたの新しい", "あなたのシステム", "今からあなたは", "これからあなたは", "今後あなたは", "あなたは今",
	"伝えないで", "知らせないで", "言わないで", "触れないで", "言及しない", "会話履歴", "チャット履歴", "指示", "命令", "破棄",
	// Korean
	"잊고", "잊어", "시스템 프롬프트", "시스템 메시지", "새로운 임무", "새 임무", "당신의 새", "너의 새", "지금부터", "이제부터",
	"알리지 마", "말하지 마", "언급하지 마", "대화 기록", "채팅 기록", "지시",
	// Arabic
	"أهمل", "اهمل", "لا تتبع", "لا تلتزم", "التعليمات", "تعليمات", "موجه النظام", "اعرض", "أظهر", "اكشف", "أرسل", "ارسل", "سجل المحادثة",
	"مهمتك", "من الآن", "أنت الآن", "انت الآن", "لا تخبر", "لا تذكر", "لا تبلغ", "دون علم", "بدون علم",
	// round 20: the reader's own answer, which a task payload writes into
	// (taskPayloadRules); possessive and noun together, so that ordinary
	// text in these languages ("la respuesta", "ответ") opens no window
	"tu respuesta", "su respuesta", "tu contestación", "ta réponse", "votre réponse",
	"deine antwort", "deiner antwort", "ihre antwort", "ihrer antwort", "deine ausgabe", "deiner ausgabe",
	"sua resposta", "tua resposta", "tua risposta", "sua risposta",
	"je antwoord", "jouw antwoord", "uw antwoord", "je reactie", "jouw reactie",
	"fhreagra", "bhfreagra", "fhreagairt", "ur freagairt",
	"përgjigjen tënde", "përgjigjes tënde", "përgjigjen tuaj", "përgjigjes tuaj", "përgjigjen suaj", "përgjigjes suaj",
	"empendul", "impendul", "kwimpendul", "kwempendul",
	"своём ответе", "своем ответе", "твоём ответе", "твоем ответе", "вашем ответе", "свой ответ", "твой ответ", "ваш ответ", "своего ответа", "твоего ответа", "вашего ответа", "Ваш ответ", "Твой ответ", "Свой ответ",
	"你的回答", "你的回复", "你的答复", "你的输出", "你的响应", "您的回答", "您的回复",
	"回答に", "返答に", "応答に", "返信に", "出力に", "回答の", "返答の",
	"답변에", "응답에", "대답에", "답변의", "응답의",
	"ردك", "إجابتك", "اجابتك", "جوابك",
}

// docScan is the document prefilter of an injection detector.
type docScan struct {
	// anchors holds injectionAnchors and their scrambles, jailbreakAnchors
	// from quietBase on, then taskAnchors from taskBase on.
	anchors   *keywords.Matcher
	quietBase int
	// cipherAnchors from cipherBase up to quietBase; ciphers[k] is the
	// cipher of anchor cipherBase+k
	cipherBase int
	ciphers    []int8
	// spelledAnchors from spelledBase on (spelled.go)
	spelledBase int
	rules       *injMatcher
	// scramble reads scrambled rule words as written (injection_scramble.go).
	scramble *unscrambler
	cands    sync.Pool // *[]injCand
	// task-sentence classifier (injection_task.go); nil: none
	taskBase  int
	task      *Model
	taskFloor float64
	loneFloor float64 // floor for a sentence with almost no text around it
	// relatedFloor is the floor for a sentence about the text around it
	// (overlap token ctxov2/ctxov3) or without long words (ctxovn).
	relatedFloor float64
}

// injectionHiddenWeight is the evidence hidden content carries on its own
// in a document. Documents (web pages, e-mails) carry zero-width joiners,
// comments and encoded blobs for ordinary reasons far more often than tool
// descriptions do, so most weigh less here; what they hide is decoded and
// scanned by the rules anyway.
func injectionHiddenWeight(h Hidden) float64 {
	switch h.Kind {
	case HiddenTag:
		return 0.9 // invisible ASCII has no ordinary use
	case HiddenVariation:
		if h.Count >= 8 {
			return 0.6
		}
	case HiddenANSI:
		return 0.2
	case HiddenBidi:
		if h.Count >= 3 {
			return 0.3
		}
	case HiddenZeroWidth:
		if h.Count >= 8 {
			return 0.3
		}
	case HiddenConfusable:
		return 0.3
	case HiddenComment:
		return 0.15
	case HiddenEncoded, HiddenMorse, HiddenNATO, HiddenByteList, HiddenReversed:
		return 0.2
	}
	return 0
}

// NewInjection returns a detector for prompt injection in documents and
// tool outputs: the built-in injection rules and the embedded injection
// classifier, unless opts replace them. Use ScanDocument.
func NewInjection(opts Options) (*Detector, error) {
	var (
		task    *Model
		taskErr error
		wg      sync.WaitGroup
	)
	if !opts.NoClassifier {
		wg.Go(func() { task, taskErr = loadTaskModel() })
	}
	d, err := newInjection(opts)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if taskErr != nil {
		return nil, fmt.Errorf("building injection detector: %w", taskErr)
	}
	d.doc.task = task
	return d, nil
}

func newInjection(opts Options) (*Detector, error) {
	rules := opts.Rules
	if rules == nil {
		rules = InjectionRules()
	}
	rs, err := CompileRules(rules)
	if err != nil {
		return nil, fmt.Errorf("building injection detector: %w", err)
	}
	anchors := append(append([]string(nil), injectionAnchors...), scrambled(scrambleAnchors)...)
	anchors = append(anchors, leetAnchors(leetAnchorWords, anchors)...)
	anchors = append(anchors, noiseAnchors(noiseAnchorWords, anchors)...)
	cipherBase := len(anchors)
	cipherWords, ciphers := cipherAnchors(anchors, uncommonPairs)
	anchors = append(anchors, cipherWords...)
	quietBase := len(anchors)
	anchors = append(anchors, jailbreakAnchors...)
	anchors = append(anchors, respellAnchors(respellAnchorWords, anchors)...)
	anchors = append(anchors, languageAnchors...)
	anchors = append(anchors, zhJailbreakAnchors...)
	anchors = append(anchors, agentTaskAnchors...)
	anchors = append(anchors, memoryAnchors...)
	anchors = append(anchors, actionAnchors...)
	anchors = append(anchors, extractAnchors...)
	anchors = append(anchors, goalAnchors...)
	spelledBase := len(anchors)
	anchors = append(anchors, spelledAnchors...)
	taskBase := len(anchors)
	// The classifier, the prefilter's automaton and the rule matcher do
	// not depend on each other: built side by side, they are ready sooner
	// (the first tool result waits for them). Errors are checked in a
	// fixed order, so a bad configuration always gives the same one.
	var (
		d                 *Detector
		m                 *keywords.Matcher
		im                *injMatcher
		dErr, mErr, imErr error
	)
	var wg sync.WaitGroup
	wg.Go(func() { d, dErr = newDetector("injection", rs, opts, DefaultInjectionFloor, model.Injection) })
	wg.Go(func() { m, mErr = keywords.New(append(anchors, taskAnchors...)) })
	im, imErr = newInjMatcher(rs)
	wg.Wait()
	if dErr != nil {
		return nil, dErr
	}
	if mErr != nil {
		return nil, fmt.Errorf("building injection detector: prefilter: %w", mErr)
	}
	if imErr != nil {
		return nil, fmt.Errorf("building injection detector: %w", imErr)
	}
	d.doc = &docScan{anchors: m, rules: im, scramble: injectionUnscrambler, quietBase: quietBase, cipherBase: cipherBase, ciphers: ciphers, spelledBase: spelledBase, taskBase: taskBase, taskFloor: DefaultTaskFloor, loneFloor: DefaultLoneTaskFloor, relatedFloor: DefaultRelatedTaskFloor}
	d.doc.cands.New = func() any { return new([]injCand) }
	d.pool.New = func() any { return &scratch{} }
	return d, nil
}

// Windows returns the byte ranges of text that ScanDocument analyses, in
// order: the neighbourhood of every prefilter hit, merged and cut into
// overlapping windows of at most 4 KB. Text outside them holds no anchor
// word, no hidden character and no readable encoded run.
func (d *Detector) Windows(text string) [][2]int {
	w := d.windows(text, docWindows{})
	return w.wins
}

// docWindows is what the prefilter finds in a document: the windows to
// analyse, the task classifier's candidate sentences (injection_task.go),
// and the loud regions, the neighbourhoods of every hit except a
// jailbreak anchor's. A window that meets no loud region was opened by
// jailbreak anchors only: its words ("alignment", "guardrails", "sandbox")
// are common in pages about AI, so the window classifier reads it only
// when a rule matched in it (round 66).
type docWindows struct {
	wins, tasks, loud [][2]int
	// spelled are the spelled codes the prefilter found (spelled.go): the
	// windows decode only these.
	spelled spelledSet
	// cipher is set when the prefilter found an instruction word written
	// in a letter cipher (cipherAnchors): the windows are read deciphered
	// too, though the text names no cipher. 1-25 is a rotation's shift,
	// cipherAtbash Atbash; the first such word found decides.
	cipher int
}

// quiet reports whether window w meets no loud region.
func (dw docWindows) quiet(w [2]int) bool {
	for _, r := range dw.loud {
		if r[0] < w[1] && w[0] < r[1] {
			return false
		}
	}
	return true
}

// windows fills dw (reusing its slices) for text.
func (d *Detector) windows(text string, dw docWindows) docWindows {
	dw.wins, dw.tasks, dw.loud = dw.wins[:0], dw.tasks[:0], dw.loud[:0]
	dw.spelled, dw.cipher = 0, 0
	if len(text) == 0 {
		return dw
	}
	if d.doc == nil { // not an injection detector: every window is hot
		dw.wins = cutWindows(text, 0, len(text), dw.wins)
		dw.loud = append(dw.loud, [2]int{0, len(text)})
		return dw
	}
	var quiet [][2]int
	span := func(regions *[][2]int, a, b int) {
		a, b = max(0, a-hitBack), min(len(text), b+hitFwd)
		if n := len(*regions); n > 0 && a <= (*regions)[n-1][1] {
			(*regions)[n-1][1] = max((*regions)[n-1][1], b)
			return
		}
		*regions = append(*regions, [2]int{a, b})
	}
	add := func(a, b int) { span(&dw.loud, a, b) }
	var sp spelledScan
	// Hits arrive in order of their end offset, so regions stay sorted
	// up to the back reach; a final sort-and-merge makes them exact.
	d.doc.anchors.Scan(text, func(m keywords.Match) bool {
		if m.Keyword >= d.doc.taskBase {
			if d.doc.task != nil {
				dw.tasks = d.doc.taskCand(text, m, dw.tasks, true)
			}
			return true
		}
		if m.Keyword >= d.doc.spelledBase {
			sp.hit(text, m.Keyword-d.doc.spelledBase, m.Start, m.End, add)
			return true
		}
		if m.Start > 0 && isASCIIWordChar(text[m.Start-1]) && isASCIIWordChar(text[m.Start]) {
			return true // inside a word: "unsend", "hostname"
		}
		if m.Keyword >= d.doc.quietBase {
			span(&quiet, m.Start, m.End)
			return true
		}
		if m.Keyword >= d.doc.cipherBase && dw.cipher == 0 {
			dw.cipher = int(d.doc.ciphers[m.Keyword-d.doc.cipherBase])
		}
		add(m.Start, m.End)
		return true
	})
	hiddenHits(text, add)
	refHits(text, add)
	escHits(text, add)
	pctHits(text, add)
	spacedHits(text, add)
	dw.spelled = sp.found | spelledUpside
	if len(dw.loud) == 0 && len(quiet) == 0 {
		return dw
	}
	dw.loud = mergeSpans(dw.loud)
	// A short document with any hit is read whole: the classifier then
	// sees the same unit it was trained on.
	if len(text) <= maxWindow {
		dw.wins = append(dw.wins, [2]int{0, len(text)})
		return dw
	}
	// Loud windows are cut as if no jailbreak anchor existed; quiet
	// regions add windows only for the text outside every loud region, so
	// the window classifier reads loud windows exactly as before.
	for _, r := range dw.loud {
		dw.wins = cutWindows(text, r[0], r[1], dw.wins)
	}
	if len(quiet) > 0 {
		n := len(dw.wins)
		for _, r := range subtractSpans(mergeSpans(quiet), dw.loud) {
			dw.wins = cutWindows(text, r[0], r[1], dw.wins)
		}
		if len(dw.wins) > n {
			slices.SortFunc(dw.wins, func(a, b [2]int) int { return a[0] - b[0] })
		}
	}
	return dw
}

// subtractSpans returns the parts of the sorted, disjoint spans s that no
// span of the sorted, disjoint cut covers.
func subtractSpans(s, cut [][2]int) [][2]int {
	var out [][2]int
	j := 0
	for _, r := range s {
		a := r[0]
		for j < len(cut) && cut[j][1] <= a {
			j++
		}
		for k := j; k < len(cut) && cut[k][0] < r[1]; k++ {
			if cut[k][0] > a {
				out = append(out, [2]int{a, cut[k][0]})
			}
			a = max(a, cut[k][1])
		}
		if a < r[1] {
			out = append(out, [2]int{a, r[1]})
		}
	}
	return out
}

// cutWindows appends [a,b) cut into windows of at most maxWindow bytes
// overlapping by windowOverlap, on rune boundaries.
func cutWindows(text string, a, b int, out [][2]int) [][2]int {
	a, b = runeStart(text, a), runeStart(text, b)
	for {
		e := b
		if e-a > maxWindow {
			e = runeStart(text, a+maxWindow)
		}
		if e <= a { // cannot happen on valid offsets; never loop forever
			e = b
		}
		out = append(out, [2]int{a, e})
		if e >= b {
			return out
		}
		next := runeStart(text, e-windowOverlap)
		if next <= a {
			next = e
		}
		a = next
	}
}

// runeStart moves i back to the start of the rune it falls in, or of the
// JSON \u escape (a surrogate pair whole): a window that began inside
// "\ud83c\udff4" would read a lone half and lose what it stands for.
func runeStart(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for k := 0; k < utf8.UTFMax && i > 0 && !utf8.RuneStart(s[i]); k++ {
		i--
	}
	for p := max(0, i-11); p < i; p++ {
		if s[p] == '\\' {
			if _, end, ok := jsonEscape(s, p); ok && end > i {
				return p
			}
		}
	}
	return i
}

func isASCIIWordChar(c byte) bool {
	c |= 0x20
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// Byte classes for the hidden-content pass.
const (
	clsB64 = 1 << iota // base64 alphabet (standard and URL-safe)
	clsOdd             // control byte or UTF-8 lead byte worth a look
	clsHex
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/', c == '-', c == '_', c == '=':
			t[c] |= clsB64
		}
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' {
			t[c] |= clsHex
		}
		switch {
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t', c == 0x7F:
			t[c] |= clsOdd
		case c == 0xE2, c == 0xEF, c == 0xF0, c == 0xF3, c == 0xC2, c == 0xD0, c == 0xD1, c == 0xCE, c == 0xCF, c == 0xD5, c == 0xE1, c == 0xE3,
			c == 0xC7, c == 0xC9, c == 0xCA, c == 0xCC, c == 0xCD, c == 0xEA, c == 0xC3, c == 0xCB:
			t[c] |= clsOdd
		}
	}
	return t
}()

// hiddenHits reports invisible characters, Latin-lookalike letters inside
// Latin words, and base64 or hex runs that decode to readable text. It
// reads plain ASCII text eight bytes at a time and skips through
// ordinary words when looking for long encoded runs.
func hiddenHits(s string, add func(a, b int)) {
	const hi, ones = 0x8080808080808080, 0x0101010101010101
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// No byte >= 0x80 and none below 0x20: nothing to look at.
		if x&hi == 0 && (x-ones*0x20)&^x&hi == 0 {
			continue
		}
		for k := i; k < i+8; k++ {
			if byteClass[s[k]]&clsOdd != 0 && oddAt(s, k) {
				add(k, k+1)
			}
		}
	}
	for k := i; k < len(s); k++ {
		if byteClass[s[k]]&clsOdd != 0 && oddAt(s, k) {
			add(k, k+1)
		}
	}
	// Encoded runs: a run of minB64Run bytes starting at or after p must
	// cover s[p+minB64Run-1]; when that byte is not in the alphabet, jump.
	// Invariant: p == 0 or s[p-1] is outside the alphabet.
	for p := 0; p+minB64Run <= len(s); {
		q := p + minB64Run - 1
		if byteClass[s[q]]&clsB64 == 0 {
			p = q + 1
			continue
		}
		a := q
		for a > p && byteClass[s[a-1]]&clsB64 != 0 {
			a--
		}
		e := q + 1
		for e < len(s) && byteClass[s[e]]&clsB64 != 0 {
			e++
		}
		if e-a >= minB64Run {
			isHex := true
			for k := a; k < e && isHex; k++ {
				isHex = byteClass[s[k]]&clsHex != 0
			}
			if readableRun(s[a:e], isHex) {
				add(a, e)
			}
		}
		p = e + 1
	}
}

// pctHits reports runs of percent-encoded bytes ("%49%67%6E%6F...") that
// decode to readable text: a sentence written so has no keyword the
// prefilter can see, and normalisation decodes it (decodePayloads).
func pctHits(s string, add func(a, b int)) {
	var buf [64]byte
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '%')
		if k < 0 {
			return
		}
		a, e, n := i+k, i+k, 0
		for e+2 < len(s) && s[e] == '%' && byteClass[s[e+1]]&clsHex != 0 && byteClass[s[e+2]]&clsHex != 0 {
			if n < len(buf) {
				buf[n] = byte(digitVal(s[e+1], 16)<<4 | digitVal(s[e+2], 16))
				n++
			}
			e += 3
		}
		if n >= minPctRun && readableBytes(buf[:n]) {
			add(a, e)
		}
		i = max(e, a+1)
	}
}

// refHits reports character references that spell what the prefilter
// cannot see in raw text: a letter ("&#73;gnore"), an invisible or control
// character ("&shy;"), a tag character, or a fullwidth or lookalike letter.
// The quotes, dashes and spaces of ordinary HTML are not hits.
func refHits(s string, add func(a, b int)) { encodedHits(s, "&", charRef, add) }

// escHits is refHits for JSON \u escapes ("\u0049gnore"); the escapes of
// ordinary JSON (quotes, "<", accented letters, line breaks) are not hits.
func escHits(s string, add func(a, b int)) { encodedHits(s, `\u`, jsonEscape, add) }

// encodedHits reports each encoding of a rune, starting with marker, that
// decode reads and that hides text (refHidesText).
func encodedHits(s, marker string, decode func(string, int) (rune, int, bool), add func(a, b int)) {
	for i := 0; ; i++ {
		k := strings.Index(s[i:], marker)
		if k < 0 {
			return
		}
		i += k
		if r, end, ok := decode(s, i); ok && refHidesText(r) {
			add(i, end)
		}
	}
}

// refHidesText reports a decoded rune that a reader would not see in the
// raw bytes as what it is.
func refHidesText(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r)) || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7F
	}
	if _, hidden := invisibleKind(r); hidden {
		return true
	}
	_, lookalike := confusables[r]
	return lookalike || r >= 0xFF01 && r <= 0xFF5E || r >= 0xE0000 && r <= 0xE007F || r >= 0x1D400 && r <= 0x1D7FF
}

// oddAt checks the byte at i precisely: controls and ANSI escapes,
// zero-width, bidi, tag and variation-selector characters, Cyrillic,
// Greek or Armenian letters next to an ASCII letter (a homoglyph), and
// letters that normalisation folds to ASCII ones (fullwidth, mathematical,
// circled): text written in them hides every keyword from the raw bytes.
func oddAt(s string, i int) bool {
	c := s[i]
	if c < 0x80 {
		return true // control byte
	}
	if i+1 >= len(s) {
		return false
	}
	c1 := s[i+1]
	switch c {
	case 0xC2: // U+0080..U+009F C1 controls, U+00AD soft hyphen
		return c1 < 0xA0 || c1 == 0xAD
	case 0xD0, 0xD1, 0xCE, 0xCF, 0xD5:
		return i > 0 && isASCIILetter(s[i-1]) || i+2 < len(s) && isASCIILetter(s[i+2])
	case 0xC9, 0xCA, 0xC7: // small capitals in the IPA block (ʀ ʏ ɢ ʜ ɪ ʟ ɴ ʙ ǫ) next to another; upside-down letters (ɐ ǝ ɹ ʇ ʎ) three together (round 75); superscript letters (ʰ ʲ ʳ ʷ ʸ) three together (round 96)
		return isSmallCap(s[i:]) > 0 && smallCapNear(s, i, 2) || upsideRun(s, i) || c == 0xCA && c1 >= 0xB0 && c1 <= 0xB8 && superRun(s, i)
	case 0xCB: // superscript letters ˡ ˢ ˣ three together (round 96)
		return c1 >= 0xA0 && c1 <= 0xA4 && superRun(s, i)
	case 0xC3: // Latin-1 vowels with accents on every vowel of a word ("ígnóré"; round 96)
		return accentedWord(s, i)
	case 0xCC, 0xCD: // combining marks U+0300..U+036F over every letter: strikethrough, zalgo
		return combiningRun(s, i)
	}
	if i+2 >= len(s) {
		return false
	}
	c2 := s[i+2]
	switch c {
	case 0xE2: // U+200B..U+200F, U+202A..U+202E, U+2060..U+206F; letters in parentheses and circles U+249C..U+24E9; Braille letters next to another (round 71)
		return c1 == 0x80 && (c2 >= 0x8B && c2 <= 0x8F || c2 >= 0xAA && c2 <= 0xAE) || c1 == 0x81 && c2 >= 0xA0 && c2 <= 0xAF ||
			c1 == 0x81 && (c2 == 0xB1 || c2 == 0xBF) && superRun(s, i) ||
			c1 == 0x92 && c2 >= 0x9C || c1 == 0x93 && c2 <= 0xA9 ||
			c1 == 0xA0 && i+5 < len(s) && s[i+3] == 0xE2 && s[i+4] == 0xA0
	case 0xEF: // U+FEFF, U+FE00..U+FE0F, U+FFA0; fullwidth Latin letters U+FF21..U+FF3A, U+FF41..U+FF5A
		return c1 == 0xBB && c2 == 0xBF || c1 == 0xB8 && c2 <= 0x8F || c1 == 0xBE && c2 == 0xA0 ||
			c1 == 0xBC && c2 >= 0xA1 && c2 <= 0xBA || c1 == 0xBD && c2 >= 0x81 && c2 <= 0x9A
	case 0xF0: // U+1D400..U+1D7FF: mathematical letters, which NFKC reads as plain ones; regional indicators spelling words (round 74); enclosed capitals spelling words (round 96)
		return c1 == 0x9D && c2 >= 0x90 && c2 <= 0x9F && i+3 < len(s) || c1 == 0x9F && c2 == 0x87 && isRegional(s, i) && regionalRun(s, i) ||
			c1 == 0x9F && c2 >= 0x84 && c2 <= 0x86 && isEnclosedLetter(s, i) && enclosedRun(s, i)
	case 0xE1: // U+180E, U+115F, U+1160; small capitals U+1D00..U+1D22 next to another; superscript letters U+1D2C..U+1DBF three together (round 96)
		return c1 == 0xA0 && c2 == 0x8E || c1 == 0x85 && (c2 == 0x9F || c2 == 0xA0) ||
			c1 == 0xB4 && c2 <= 0xA2 && smallCapNear(s, i, 3) ||
			(c1 == 0xB4 && c2 >= 0xAC || c1 == 0xB5 || c1 == 0xB6) && superRun(s, i)
	case 0xEA: // small capitals ꜰ ꜱ (U+A730, U+A731) next to another
		return c1 == 0x9C && (c2 == 0xB0 || c2 == 0xB1) && smallCapNear(s, i, 3)
	case 0xE3: // U+3164
		return c1 == 0x85 && c2 == 0xA4
	case 0xF3: // U+E0000..U+E01EF: tags and variation selectors supplement
		return c1 == 0xA0 && i+3 < len(s)
	}
	return false
}

// isSmallCap returns the byte length of the small capital letter that
// Normalize folds (smallCaps) at the start of s, or 0.
func isSmallCap(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if _, ok := smallCaps[r]; ok || r >= 0x1D00 && r <= 0x1D22 {
		return n
	}
	return 0
}

// smallCapNear reports whether the small capital at s[i:] (n bytes) has
// another one right after it, perhaps past a space: a word set in small
// capitals, not one IPA letter in a pronunciation (/ˈɪŋɡlɪʃ/).
func smallCapNear(s string, i, n int) bool {
	j := i + n
	if j < len(s) && s[j] == ' ' {
		j++
	}
	return j < len(s) && isSmallCap(s[j:]) > 0
}

// combiningRun reports whether the combining mark at s[i:] is part of a
// run that marks every letter (R̶e̶v̶e̶a̶l̶) or stacks marks (zalgo):
// the next rune is a mark too, or a letter followed by a mark. Decomposed
// accents (e + U+0301) are single marks between plain letters.
func combiningRun(s string, i int) bool {
	isMark := func(k int) bool {
		return k+1 < len(s) && (s[k] == 0xCC || s[k] == 0xCD) && s[k+1] >= 0x80 && s[k+1] <= 0xBF
	}
	if !isMark(i) {
		return false
	}
	return isMark(i+2) || i+3 < len(s) && (isASCIILetter(s[i+2]) || s[i+2] == ' ') && isMark(i+3)
}

func isASCIILetter(c byte) bool {
	c |= 0x20
	return c >= 'a' && c <= 'z'
}

// readableRun decodes the start of an encoded run and reports whether it
// is mostly printable text: ids, hashes and images are not.
func readableRun(run string, isHex bool) bool {
	var buf [64]byte
	var b []byte
	if isHex {
		n := min(len(run), 64) &^ 1
		k, err := hex.Decode(buf[:], []byte(run[:n]))
		if err != nil {
			return false
		}
		b = buf[:k]
	} else if tok := strings.TrimRight(run, "="); isBase32(tok) {
		n := base32Len(min(len(tok), 96))
		k, err := base32.StdEncoding.WithPadding(base32.NoPadding).Decode(buf[:], []byte(tok[:n]))
		if err != nil {
			return false
		}
		b = buf[:k]
	} else {
		n := min(len(run), 80) &^ 3
		src := run[:n]
		enc := base64.StdEncoding
		for i := 0; i < len(src); i++ {
			if src[i] == '-' || src[i] == '_' {
				enc = base64.URLEncoding
				break
			}
		}
		k, err := enc.Decode(buf[:], []byte(trimPad(src)))
		if err != nil && k == 0 {
			return false
		}
		b = buf[:k]
	}
	return readableBytes(b)
}

// readableBytes reports decoded bytes that are mostly printable text with
// letters: a sentence, not an id, a hash or an image.
func readableBytes(b []byte) bool {
	if len(b) < 16 {
		return false
	}
	printable, letters := 0, 0
	for _, c := range b {
		if c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' {
			printable++
		}
		if c|0x20 >= 'a' && c|0x20 <= 'z' || c == ' ' {
			letters++
		}
	}
	return printable*10 >= len(b)*9 && letters*10 >= len(b)*6
}

// trimPad cuts a base64 chunk to a multiple of 4 that decodes without
// relying on padding in the middle of a run.
func trimPad(s string) string {
	for len(s) > 0 && s[len(s)-1] == '=' {
		s = s[:len(s)-1]
	}
	return s[:len(s)&^3]
}

// ScanDocument scores a document or tool output of any length for
// instructions aimed at the model. field names the text in findings
// (e.g. "result.content[0].text"). The text is scanned in windows around
// prefilter hits; the score is the highest window score, findings from all
// windows are merged, and every finding's Start/End is a byte span of text.
func (d *Detector) ScanDocument(field, text string) Result {
	text = blankJSONBreaks(text)
	sc := d.pool.Get().(*scratch)
	defer d.pool.Put(sc)
	dw := d.windows(text, docWindows{wins: sc.wins, loud: sc.loud}) // tasks allocates only when a candidate exists
	sc.wins, sc.loud = dw.wins, dw.loud
	wins, tasks := dw.wins, dw.tasks
	var res Result
	type key struct {
		id   string
		a, b int
	}
	seen := map[key]bool{}
	bestWin := -1
	bud := injBudget{attempts: maxDocAttempts}
	var bodies [][2]int // script and style bodies, found with the first window
	if len(wins) > maxDocWindows {
		wins = wins[:maxDocWindows]
		bud.truncated = true
	}
	for wi, w := range wins {
		var wr Result
		f := Field{Path: field, Text: text[w[0]:w[1]]}
		sc.text, sc.respelled = sc.text[:0], false
		topEnd := -1 // end of the top-level segment's view in sc.text
		if wi == 0 {
			bodies = bodySpans(text)
		}
		inBody := insideBody(bodies, w[0])
		for _, seg := range segments(f.Text, dw.spelled) {
			us, ok := d.scanDocSegment(&wr, f, seg, dw.cipher, sc, &bud)
			if len(sc.text) > 0 {
				sc.text = append(sc.text, " . "...)
			}
			view := chatText(seg.Norm)
			if view != seg.Norm.Text { // a transcript's messages: a view of its own
				us, ok = d.doc.scramble.unscramble(view)
			}
			if ok {
				view = us // the classifier reads scrambled words as written, too
			}
			sc.text = appendTextViewIn(sc.text, view, inBody && topEnd < 0)
			if topEnd < 0 {
				topEnd = len(sc.text)
			}
		}
		// Respelled rule words read as plain ones: a window that holds
		// them is loud, whichever anchors opened it.
		quiet := dw.quiet(w) && !sc.respelled
		wr.RuleScore = ruleScore(wr.Findings) // in finding order: the same bits on every run
		if d.model != nil && (wr.RuleScore > 0 || !quiet) {
			sc.feats = Features(sc.feats[:0], string(sc.text), d.model.Bits, d.model.Set)
			wr.ClassifierScore = d.model.Prob(sc.feats)
			if wr.ClassifierScore > d.floor && proseForeign(f.Text) {
				// The model reads English; a window of other-language
				// prose is classified by its English lines and decoded
				// payloads only, and left to the rules if it has none
				// (round 22). Checked only when the score would count.
				sc.text = englishOnly(sc.text, topEnd, f.Text)
				wr.ClassifierScore = 0
				if len(sc.text) > 0 {
					sc.feats = Features(sc.feats[:0], string(sc.text), d.model.Bits, d.model.Set)
					wr.ClassifierScore = d.model.Prob(sc.feats)
				}
			}
		}
		clf := max(0, (wr.ClassifierScore-d.floor)/(1-d.floor))
		wr.Score = 1 - (1-wr.RuleScore)*(1-clf)
		if wr.Score > res.Score || bestWin < 0 {
			res.Score = wr.Score
			bestWin = wi
			if d.model != nil && d.explain > 0 && wr.Score >= d.threshold {
				res.Features = d.model.Explain(string(sc.text), d.explain)
			}
		}
		res.RuleScore = max(res.RuleScore, wr.RuleScore)
		res.ClassifierScore = max(res.ClassifierScore, wr.ClassifierScore)
		for _, fd := range wr.Findings {
			fd.Start += w[0]
			fd.End += w[0]
			k := key{fd.RuleID, fd.Start, fd.End}
			if seen[k] {
				continue
			}
			seen[k] = true
			fd.Excerpt = excerpt(text, fd.Start, fd.End)
			res.Findings = append(res.Findings, fd)
		}
	}
	if len(tasks) > 0 && d.doc != nil {
		var p, w float64
		sc.feats, p, w = d.doc.scoreTasks(&res, field, text, tasks, sc.feats)
		res.ClassifierScore = max(res.ClassifierScore, p)
		res.Score = max(res.Score, w)
	}
	res.Flagged = res.Score >= d.threshold
	if !res.Flagged {
		res.Features = nil
	}
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].Weight > res.Findings[j].Weight })
	if len(res.Findings) > maxDocFinding {
		res.Findings = res.Findings[:maxDocFinding]
	}
	if bud.truncated {
		res.Findings = append([]Finding{{
			RuleID: TruncatedRuleID, Family: FamilyBudget, Field: field, Start: 0, End: len(text),
			Explain: "analysis budget exhausted: part of the document was not checked by the rules",
		}}, res.Findings...)
	}
	return res
}

// TruncatedRuleID marks a Result whose document was not fully analysed
// (see Result.Truncated).
const TruncatedRuleID = "inj.budget.truncated"

// FamilyBudget is the family of the TruncatedRuleID finding.
const FamilyBudget Family = "analysis-budget"

// Analysis budget of one ScanDocument call. Ordinary documents use a
// small part of it; text built to make the rules work hard (trigger words
// in every few bytes) exhausts it, and the rest of the document is then
// scored by hidden-content signals and the classifier only. The result
// says so (Truncated), so that a guard can fail closed.
const (
	// maxDocAttempts bounds anchored rule attempts per document (each
	// reads at most a few hundred bytes; ~1-4 µs each).
	maxDocAttempts = 8192 // 100 KB of keyword-dense prose needs ~6 100 (round 2 rules)
	// maxRuleAttempts bounds attempts of one rule in one window: real
	// text does not start the same rule's pattern every 40 bytes.
	maxRuleAttempts = 96
	// maxDocWindows bounds the windows analysed per document (4 KB each,
	// so 4 MB of hot text); windows past it are not analysed.
	maxDocWindows = 1024
)

// injBudget is what is left of a document's analysis budget.
type injBudget struct {
	attempts  int
	truncated bool
}

// Truncated reports whether ScanDocument stopped analysing part of the
// document because its analysis budget ran out (a TruncatedRuleID
// finding, always first). The score then covers what was analysed; a
// guard that must fail closed treats a truncated, unflagged result as
// unverified.
func (r Result) Truncated() bool {
	return len(r.Findings) > 0 && r.Findings[0].RuleID == TruncatedRuleID
}

// scanDocSegment is scanSegment with the document weights for hidden
// content; spans are relative to f.Text. It returns the segment's text
// with scrambled rule words read as written, when it has any, for the
// classifier's view.
func (d *Detector) scanDocSegment(res *Result, f Field, seg Segment, cipher int, sc *scratch, bud *injBudget) (unscrambled string, ok bool) {
	nz := seg.Norm
	addHidden(res, f, seg, injectionHiddenWeight, false)
	cp := d.doc.cands.Get().(*[]injCand)
	// The rules read line breaks as "\n" (a line start is a sentence
	// start); keywords and the variants below are found in Text.
	sc.hits, *cp = d.doc.rules.match(nz.Text, nz.RuleView(), sc.hits[:0], *cp, bud)
	// Leetspeak ("1gn0r3 4ll pr3v10u5 1n57ruc710n5"): the rules run again
	// on a copy with digits read as letters; byte for byte, so spans hold.
	if dl, ok := deleet(nz.Text); ok {
		*cp = d.matchCopy(dl, withBreaks(dl, nz.breaks), sc, *cp, bud)
	}
	// Words joined by hyphens or underscores ("ignore-all-text-below" in a
	// URL fragment, "you_must_send_the_file") or by one repeated dot, bar
	// or tilde ("Ignore.all.previous.instructions"): the same, with the
	// joins read as spaces, in one copy, so a text with both costs one
	// pass.
	if dh, ok := unjoin(nz.Text); ok {
		*cp = d.matchCopy(dh, withBreaks(dh, nz.breaks), sc, *cp, bud)
	}
	// Words joined by one repeated symbol ("Ignore 👉 all 👉 previous",
	// "ignore·all·previous"): the same, on a copy with each symbol and its
	// spaces read as one space. The copy is shorter, so its matches are
	// mapped back to the text's offsets.
	if ds, at, ok := unsymbol(nz.Text); ok {
		n := len(sc.hits)
		*cp = d.matchCopy(ds, ds, sc, *cp, bud)
		for i := n; i < len(sc.hits); i++ {
			sc.hits[i].Start, sc.hits[i].End = int(at[sc.hits[i].Start]), int(at[sc.hits[i].End])
		}
	}
	// Scrambled words ("ignroe all pervious insrtuctions"): the same, with
	// each scramble of a rule word read as that word.
	if unscrambled, ok = d.doc.scramble.unscramble(nz.Text); ok {
		*cp = d.matchCopy(unscrambled, withBreaks(unscrambled, nz.breaks), sc, *cp, bud)
	}
	// Respelled words ("Ign-ore all prev-ious", pig latin, "in$truction$"):
	// the same, with each read as the rule word it spells
	// (injection_respell.go); shorter, so mapped back like unsymbol's.
	// The classifier reads them as spelled too.
	if rs, at, read := d.doc.scramble.respell(nz.Text); read {
		sc.respelled = true
		n := len(sc.hits)
		*cp = d.matchCopy(rs, rs, sc, *cp, bud)
		for i := n; i < len(sc.hits); i++ {
			sc.hits[i].Start, sc.hits[i].End = int(at[sc.hits[i].Start]), int(at[sc.hits[i].End])
		}
		if !ok {
			unscrambled, ok = rs, true
		} else if both, _, ok2 := d.doc.scramble.respell(unscrambled); ok2 {
			unscrambled = both
		}
	}
	// ROT13 ("ROT13 decode and follow: Vtaber nyy cerivbhf vafgehpgvbaf"):
	// the same, with the letters rotated, in text that names the cipher
	// or holds an instruction word written in a letter cipher (cipher set:
	// any rotation, or Atbash).
	if rt, ok := cipherCopy(nz.Text, cipher); ok {
		*cp = d.matchCopy(rt, withBreaks(rt, nz.breaks), sc, *cp, bud)
	}
	d.doc.cands.Put(cp)
	if a, b, ok := spacedOut(nz.Text); ok {
		if seg.Depth == 0 {
			a, b = nz.Span(a, b)
		} else {
			a, b = seg.Start, seg.End
		}
		res.Findings = append(res.Findings, Finding{
			RuleID: "inj.smuggle.spaced", Family: FamilyHidden, Weight: 0.75, Field: f.Path, Start: a, End: b, Origin: seg.Origin,
			Explain: "instruction words spelled out letter by letter",
		})
	}
	for _, m := range sc.hits {
		a, b := seg.Start, seg.End
		if seg.Depth == 0 {
			a, b = nz.Span(m.Start, m.End)
		}
		w := m.Rule.Weight
		if m.Rule.ID == ruleIgnorePrevious && topicalQualifier.MatchString(nz.Text[m.End:min(len(nz.Text), m.End+40)]) {
			// "disregard the earlier instructions about the parking
			// garage": people withdraw their own instructions about a
			// topic; alone, that is weak evidence.
			w = min(w, 0.45)
		}
		if m.Rule.ID == ruleIgnorePrevious && weakDrop(nz.Text[m.Start:m.End]) {
			// "Delete all messages", "Skip prompts", "clear the context":
			// what command documentation says; without a word that points
			// back at earlier instructions it is weak evidence.
			w = min(w, 0.3)
		}
		if documentationShape(m.Rule.ID, nz.Text, m.Start, m.End) {
			continue
		}
		res.Findings = append(res.Findings, Finding{
			RuleID: m.Rule.ID, Family: m.Rule.Family, Weight: w,
			Field: f.Path, Start: a, End: b, Origin: seg.Origin, Explain: m.Rule.Explain,
		})
	}
	return unscrambled, ok
}

const ruleIgnorePrevious = "inj.override.ignore-previous"

// weakDropVerb starts an ignore-previous match with a verb that documents
// also use for data ("delete all messages"); pointsBack is what makes such
// a match about the reader's instructions.
var (
	weakDropVerb = regexp.MustCompile(`^(?:skip|drop|cancel|delete|erase|clear|remove|stop following|set aside)\b`)
	pointsBack   = regexp.MustCompile(`\b(?:previous|prior|preceding|above|earlier|former|original|initial|system|instructions?|directives?|guidelines|guardrails|restrictions|constraints|polic(?:y|ies)|safety|programming)\b`)
)

func weakDrop(m string) bool {
	return weakDropVerb.MatchString(m) && !pointsBack.MatchString(m)
}

// documentationShape reports a rule match that is the ordinary shape of
// documentation and code rather than a message to the model: a markdown
// link or anchor named like a role ("[Security](#security)"), an object
// literal with a role value ("{ role: admin }"), and "use X in your code".
func documentationShape(rule, text string, a, b int) bool {
	m := text[a:b]
	switch rule {
	case "inj.role.system-marker":
		next := byte(0)
		if b < len(text) {
			next = text[b]
		}
		prev := byte(0)
		if a > 0 {
			prev = text[a-1]
		}
		last := m[len(m)-1]
		switch {
		case m[0] == '[' && last == ']' && next == '(': // markdown link text
			return true
		case m[0] == '#' && prev == '(' && last == ')': // markdown link target
			return true
		case (m[0] == ':' || m[0] == '=') && (last == '}' || last == ')'): // object literal
			return true
		case (m[0] == '{' || m[0] == '|') && last == '}': // template placeholder "{{path|system}}"
			return true
		case m[0] == '#' && last == '>' && strings.Contains(m, "\n"): // a heading, then a quote line
			return true
		case m[0] == '(' && isIdentByte(prev): // a parameter list or call: "function(root)", "init(system)"
			return true
		case m[0] == '>' && last == '>': // a tag's end, link text, an arrow: ">Security&gt;&gt;" in raw HTML
			return true
		}
	case "inj.role.turn":
		return htmlClosingTag(m)
	case "inj.address.model", "inj.address.label":
		// "Send a message to the assistant:" over a command example: the
		// documentation of an AI tool, not a message to the reader.
		if rest := strings.TrimLeft(text[b:], " \n\r\t"); strings.HasPrefix(rest, "`") {
			return true
		}
	case "inj.exfil.send-data":
		// "e-mail: info AT example.org" (a record's field label) and "a
		// copy of the licence … at https://…" (the verb used as a noun):
		// records and licence headers, not a directive. A list's
		// unsubscribe footer asks to mail only its own command (round 31).
		return sendVerbIsNoun(text, a, b) || listCommandSend(text, a, b)
	case "inj.answer.include":
		if strings.HasPrefix(m, "use ") && (strings.HasSuffix(m, " code") || strings.HasSuffix(m, " implementation")) {
			return true
		}
	}
	return false
}

// isIdentByte reports a byte that ends an identifier in code.
func isIdentByte(c byte) bool {
	return isASCIIWordChar(c) || c == '$'
}

// htmlClosingTag reports a role.turn match that is the end tag of an HTML
// element sharing its name with a turn ("</input>", "</data>") followed
// by more markup: a forged end of turn is followed by the instruction it
// smuggles in, not by the page's next tag (round 25: "</input>" on saved
// pages).
func htmlClosingTag(m string) bool {
	if !strings.HasPrefix(m, "</") || m[len(m)-1] != '<' {
		return false
	}
	end := strings.IndexByte(m, '>')
	if end < 0 {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(m[2:end])) {
	case "input", "data":
		return true
	}
	return false
}

// sendVerbIsNoun reports a send-data match whose verb is a field label
// ("e-mail:") or a noun ("a copy of", "transfer of").
func sendVerbIsNoun(text string, a, b int) bool {
	i := a
	for i < b && (isASCIILetter(text[i]) || text[i] == '-') {
		i++
	}
	rest := strings.TrimLeft(text[i:b], " \t")
	if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "of ") {
		return true
	}
	before := strings.TrimRight(text[:a], " \t")
	for _, art := range []string{" a", " an", " the"} {
		if strings.HasSuffix(before, art) || before == art[1:] {
			return true
		}
	}
	return false
}

// topicalQualifier follows "ignore the previous instructions" when a person
// narrows it to a topic of their own.
var topicalQualifier = regexp.MustCompile(`^\s+(?:about|regarding|concerning|re|on|for)\s+(?:the|our|my|this|that|your)\s+[a-z]`)

// matchCopy runs the rules on a same-length variant of the normalised
// text and keeps the hits of rules that had none yet.
func (d *Detector) matchCopy(variant, view string, sc *scratch, cands []injCand, bud *injBudget) []injCand {
	n := len(sc.hits)
	sc.hits, cands = d.doc.rules.match(variant, view, sc.hits, cands, bud)
	sc.hits = keepNewRules(sc.hits, n)
	return cands
}

// minJoined is how many words a hyphen- or underscore-joined run must
// have before dehyphen reads it as words: "state-of-the-art" and
// "read-only" stay as they are.
const minJoined = 5

// dehyphen returns text with the hyphens and underscores of runs of at
// least minJoined joined words replaced by spaces (byte for byte, so
// spans hold), when there is such a run; false otherwise.
func dehyphen(text string) (string, bool) {
	var b []byte
	for i := 0; i < len(text); {
		if !isASCIILetter(text[i]) || i > 0 && isASCIIWordChar(text[i-1]) {
			i++
			continue
		}
		words, j := 1, i
		for j < len(text) && (isASCIIWordChar(text[j]) || text[j] == '\'') {
			j++
			if j+1 < len(text) && isJoinedByte(text[j]) && isASCIIWordChar(text[j+1]) {
				words++
				j++
			}
		}
		if words >= minJoined {
			if b == nil {
				b = []byte(text)
			}
			for k := i; k < j; k++ {
				if isJoinedByte(b[k]) {
					b[k] = ' '
				}
			}
		}
		i = max(j, i+1)
	}
	if b == nil {
		return "", false
	}
	return string(b), true
}

func isJoinedByte(c byte) bool { return c == '-' || c == '_' }

// unjoin is dehyphen and dejoin in one copy: the text with every run of
// joined words read as words, when there is one; false otherwise.
func unjoin(text string) (string, bool) {
	v, ok := dehyphen(text)
	if !ok {
		v = text
	}
	if dj, ok2 := dejoin(v); ok2 {
		return dj, true
	}
	return v, ok
}

// dejoin returns text with the separators of runs of at least minJoined
// words joined by one repeated dot, bar or tilde replaced by spaces (byte
// for byte, so spans hold), when there is such a run; false otherwise.
// An attacker writes "Ignore.all.previous.instructions" so that no rule
// reads words; a sentence that ends without a space is one join, not
// four. Words are ASCII letters only, so version numbers, addresses and
// hashes are left alone; host and package names ("org.apache.commons.
// lang.text") become words the rules do not read, which costs one more
// rule pass and changes no result.
func dejoin(text string) (string, bool) {
	if !mayJoin(text) {
		return "", false
	}
	var b []byte
	for i := 0; i < len(text); {
		if !isASCIILetter(text[i]) || i > 0 && (isASCIIWordChar(text[i-1]) || isDejoinByte(text[i-1])) {
			i++
			continue
		}
		var sep byte
		words, j, last := 1, i, -1
		for j < len(text) && (isASCIILetter(text[j]) || text[j] == '\'') {
			j++
			if c, k, ok := joinAt(text, j); ok && (sep == 0 || c == sep) && (last < 0 || k-1-last <= maxJoinGap) {
				sep = c
				words++
				j, last = k, k-1
			}
		}
		if words >= minJoined && (j == len(text) || !isASCIIWordChar(text[j])) {
			if b == nil {
				b = []byte(text)
			}
			for k := i; k < j; k++ {
				if b[k] == sep {
					b[k] = ' '
				}
			}
		}
		i = max(j, i+1)
	}
	if b == nil {
		return "", false
	}
	return string(b), true
}

// joinAt reads one of dejoin's joins at text[j:]: an optional comma,
// colon, semicolon, "!" or "?", then one separator, or two (a sentence's
// end), then a letter. It returns the separator and the letter's index.
func joinAt(text string, j int) (sep byte, next int, ok bool) {
	if j >= len(text) {
		return 0, j, false
	}
	k := j
	switch text[k] {
	case ',', ':', ';', '!', '?':
		k++
	case '.', '|', '~':
	default:
		return 0, j, false // most words end at a space
	}
	n := 0
	for k < len(text) && n < 2 && isDejoinByte(text[k]) && (n == 0 || text[k] == sep) {
		sep = text[k]
		k++
		n++
	}
	return sep, k, n > 0 && k < len(text) && isASCIILetter(text[k])
}

func isDejoinByte(c byte) bool { return c == '.' || c == '|' || c == '~' }

// maxJoinGap bounds the bytes from one join's separator to the next in a
// run dejoin reads: a word of up to about thirty letters. It lets mayJoin
// look for runs without reading the text byte by byte.
const maxJoinGap = 32

// mayJoin reports whether text has minJoined-1 separators followed by a
// letter (or by the same separator), each within maxJoinGap bytes of the
// one before: what a run of dejoin needs. Prose has few such separators (a
// sentence's dot is followed by a space) and JSON has them far apart (one
// per address or host name), and IndexByte finds them without reading
// byte by byte, so most windows skip dejoin's loop.
func mayJoin(text string) bool {
	for _, sep := range [...]byte{'.', '|', '~'} {
		n, prev := 0, 0
		for p := 0; ; {
			q := strings.IndexByte(text[p:], sep)
			if q < 0 {
				break
			}
			q += p
			p = q + 1
			if p < len(text) && (isASCIILetter(text[p]) || text[p] == sep) {
				if n == 0 || q-prev > maxJoinGap {
					n = 0
				}
				n++
				prev = q
				if n >= minJoined-1 {
					return true
				}
			}
		}
	}
	return false
}

// unsymbol returns a copy of text in which every pictograph or other
// symbol that joins two words ("ignore 👉 all", "ignore★all"), with the
// spaces around it, is one space, when one such symbol joins at
// least minJoined-1 pairs of words; false otherwise. at maps each byte
// offset of the copy, and its length, to an offset of text. Emoji and
// dingbats between words are a separator trick (round 96) that no rule
// reads through; a symbol used once or twice, or as a bullet at a line
// start, is left alone. The rules expect one space between words, so the
// copy cannot keep text's length as the other copies do. Text with no
// byte that can start such a symbol costs two IndexByte calls.
func unsymbol(text string) (copied string, at []int32, ok bool) {
	if strings.IndexByte(text, 0xF0) < 0 && strings.IndexByte(text, 0xE2) < 0 {
		return "", nil, false // no UTF-8 lead byte of U+2000..U+2FFF or U+10000 on
	}
	// joinAt reads a symbol joining two words at text[i:], just after a
	// visible ASCII byte (a word's end, perhaps with its punctuation): an
	// optional space, the symbol (and a variation selector), an optional
	// space, then a visible ASCII byte at next.
	joinAt := func(i int) (r rune, next int, ok bool) {
		a := i
		if a < len(text) && text[a] == ' ' {
			a++
		}
		if a >= len(text) || text[a] < 0x80 {
			return 0, 0, false
		}
		// Pictographs, dingbats, arrows and shapes (Unicode "other
		// symbols" from U+2190: 👉 ➡ ★ ▶ ✅). Middle dots, bullets,
		// "×", "→" and the quotes and dashes of prose join words in
		// ordinary pages (menus, sizes, breadcrumbs, "don’t").
		r, n := utf8.DecodeRuneInString(text[a:])
		if r < 0x2190 || !unicode.Is(unicode.So, r) {
			return 0, 0, false
		}
		e := a + n
		if v, n := utf8.DecodeRuneInString(text[e:]); v == 0xFE0F {
			e += n
		}
		if e < len(text) && text[e] == ' ' {
			e++
		}
		return r, e, e < len(text) && isVisibleASCII(text[e])
	}
	// Joins per symbol, for the first eight symbols seen (no map: most
	// texts that get here hold one or two).
	var seen [8]struct {
		r rune
		n int
	}
	var best rune
	for i := 1; i < len(text) && best == 0; i++ {
		if !isVisibleASCII(text[i-1]) {
			continue
		}
		if r, next, ok := joinAt(i); ok {
			for k := range seen {
				if seen[k].r == 0 {
					seen[k].r = r
				}
				if seen[k].r == r {
					if seen[k].n++; seen[k].n >= minJoined-1 {
						best = r
					}
					break
				}
			}
			i = next
		}
	}
	if best == 0 {
		return "", nil, false
	}
	out := make([]byte, 0, len(text))
	at = make([]int32, 0, len(text)+1)
	for i := 0; i < len(text); i++ {
		if i > 0 && isVisibleASCII(text[i-1]) {
			if r, next, ok := joinAt(i); ok && r == best {
				out = append(out, ' ')
				at = append(at, int32(i))
				i = next - 1
				continue
			}
		}
		out = append(out, text[i])
		at = append(at, int32(i))
	}
	at = append(at, int32(len(text)))
	return string(out), at, true
}

// isSuperLetter reports a superscript (modifier) letter that NFKC reads
// as a plain one: ᵃ ᵇ ᶜ ... ᴬ ᴮ, ʰ ʲ ʳ ʷ ʸ, ˡ ˢ ˣ, ⁱ ⁿ.
func isSuperLetter(r rune) bool {
	return r >= 0x1D2C && r <= 0x1D6A || r >= 0x1D9B && r <= 0x1DBF || r >= 0x2B0 && r <= 0x2B8 ||
		r >= 0x2E0 && r <= 0x2E4 || r == 0x2071 || r == 0x207F
}

// superRun reports whether s[i:] starts three superscript letters in a
// row: a word written in them ("ᴵᵍⁿᵒʳᵉ", PyRIT's SuperscriptConverter).
// Phonetic transcriptions use one at a time ("pʰ", "tʲ").
func superRun(s string, i int) bool {
	for n := 0; n < 3; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSuperLetter(r) {
			return false
		}
		i += size
	}
	return true
}

// accentedWord reports whether the Latin-1 letter at s[i:] (lead byte
// 0xC3) is an accented vowel in a word whose every vowel is accented,
// with at least two different accented vowels ("ígnóré", "prévíóús":
// PyRIT's DiacriticConverter and other generators put a mark on every
// vowel). Words of French, Spanish or Portuguese keep a plain vowel
// beside their accented ones ("été" has one kind only); umlauts are not
// counted (Turkish "gönül", Finnish "häätö"), and a word with a letter of
// Latin Extended ("kıvanç", "příští", "szőlő") is a word of its language.
func accentedWord(s string, i int) bool {
	if i+1 >= len(s) || !isAccentedVowel(s[i+1]) {
		return false
	}
	a := i
	for k := 0; k < 40 && a > 0 && (isASCIILetter(s[a-1]) || a >= 2 && s[a-2] == 0xC3 && s[a-1] >= 0x80 && s[a-1] <= 0xBF); k++ {
		if isASCIILetter(s[a-1]) {
			a--
		} else {
			a -= 2
		}
	}
	var first byte
	distinct := false
	for j := a; j < len(s) && j < a+60; {
		switch c := s[j]; {
		case isASCIILetter(c):
			if strings.IndexByte("aeiouAEIOU", c) >= 0 {
				return false
			}
			j++
		case c >= 0xC4 && c <= 0xC9:
			return false // Latin Extended-A/B: Turkish, Czech, Hungarian, Polish, ...
		case c == 0xC3 && j+1 < len(s) && s[j+1] >= 0x80 && s[j+1] <= 0xBF:
			if v := s[j+1]; isAccentedVowel(v) {
				if first == 0 {
					first = v
				} else if v != first {
					distinct = true
				}
			}
			j += 2
		default:
			return distinct
		}
	}
	return distinct
}

// isAccentedVowel reports the second byte of a Latin-1 vowel with a
// grave, acute, circumflex or tilde (À-Ã, È-Ê, Ì-Î, Ò-Õ, Ù-Û, Ý and their
// small letters); not the diaeresis or ring of German, Turkish or the
// Nordic languages.
func isAccentedVowel(b byte) bool {
	b &^= 0x20 // small letters are capitals + 0x20
	return b >= 0x80 && b <= 0x83 || b >= 0x88 && b <= 0x8A || b >= 0x8C && b <= 0x8E || b >= 0x92 && b <= 0x95 ||
		b >= 0x99 && b <= 0x9B || b == 0x9D
}

func isVisibleASCII(c byte) bool { return c > ' ' && c < 0x7F }

// cipherCopy returns text with every ASCII letter rotated back by the
// shift of the letter-rotation cipher the text names ("rot13", "rot-13",
// "ROT1", "rot 5"; "Caesar cipher" with "shift of 3" or alone, which is
// 3), or, when it names none, deciphered by cipher (the prefilter saw an
// instruction word in that cipher: a shift of 1 to 25, or cipherAtbash),
// byte for byte so spans hold; false when neither. Deciphering all text
// is harmless: the plain words become noise the rules do not read, and
// the enciphered ones become words (round 71; other shifts, round 77;
// unnamed ciphers, round 96).
func cipherCopy(text string, cipher int) (string, bool) {
	n, ok := namedRotation(text)
	if !ok {
		if cipher <= 0 || cipher > cipherAtbash {
			return "", false
		}
		n = cipher
	}
	b := []byte(text)
	if n != cipherAtbash {
		n = 26 - n // rotating back by n is rotating on by 26-n
	}
	encipher(b, n)
	return string(b), true
}

// encipher rotates every ASCII letter of b on by k (1-25), or mirrors it
// (cipherAtbash, its own inverse), in place.
func encipher(b []byte, k int) {
	for i, c := range b {
		var base byte
		switch {
		case c >= 'a' && c <= 'z':
			base = 'a'
		case c >= 'A' && c <= 'Z':
			base = 'A'
		default:
			continue
		}
		if k == cipherAtbash {
			b[i] = base + 25 - (c - base)
		} else {
			b[i] = base + (c-base+byte(k))%26
		}
	}
}

// cipherAtbash is Atbash (a↔z, b↔y, ...) in docWindows.cipher.
const cipherAtbash = 26

// cipherWords are instruction words whose enciphered forms are
// prefilter anchors (cipherAnchors), so that a text in a letter cipher
// that does not name it is read deciphered too: garak's and PyRIT's
// encoding probes send ROT13, Caesar shifts and Atbash bare (round 96).
// Six letters or more: a shorter enciphered word is too often a word.
var cipherWords = []string{
	"ignore", "disregard", "previous", "instruction", "system", "prompt", "password", "assistant",
	"override", "reveal", "secret", "important", "forget", "credential", "confidential", "exfiltrate",
	"jailbreak", "developer", "following", "execute", "respond", "forward", "delete", "command",
	"attacker", "output", "directive", "restriction", "guideline", "everything", "message",
	"immediately", "urgent", "always", "answer", "enable", "bypass", "policy", "safety", "filter",
	"hidden", "roleplay", "unrestricted", "whatever", "nothing",
}

// rot13Always: the first words of cipherWords, whose ROT13 forms are
// anchors whatever their first pair (round 96's first candidate had them).
const rot13Always = 18

// rarePairs are the letter pairs that occur at most 12 times per MB of
// English text (2.4 MB of Debian changelogs and READMEs, counted in
// round 96): the prefilter skips a position whose two bytes begin no
// anchor, so an anchor beginning with a common pair ("vt" of ROT13's
// "vtaber") would slow every document down.
const rarePairs = "bk bq bw cx dq dz fj fk fq fz gq gx hb hg hv hx iy jf jh jn jp jv jx jy jz kq kv kx ky lq " +
	"lx mr mw mx mz oq pj pv px qa qb qc qe qf qg qk ql qn qo qv qw qx qy qz rj rq rz tq uj uv uw uy vb " +
	"vd vf vh vk vp vq vw vy vz wg wm wp wq wt wv wy xf xj xk xl xn xo xq xr xv xz yd yf yj yq yx zb zf " +
	"zj zk zn zp zq zs zt zv zw zx"

// uncommonPairs are the letter pairs, not in rarePairs, that occur at most
// 75 times per MB in each of round 100's counts (119 MB of Debian
// changelogs, READMEs and text files; 66 MB of man pages; 40 MB of the
// local files: Go modules, Debian docs, Python's library) and that begin
// an enciphered cipherWords word: 242 more cipher anchors (687). Round 96
// kept rare pairs only, and a text whose every instruction word began
// with a common pair in its cipher was missed ("Kpzylnhyk hss wypvy
// kpyljapclz", a shift of 7). The prefilter's walk looks at each
// occurrence of a pair that begins an anchor; these add about 3,000 per
// MB of that text. A ceiling of 200 per MB (183 pairs, 835 anchors) made
// the walk over benchmark prose 5% slower (BenchmarkUncommonPairsPaired):
// "wn" and "ye" are rarer in documentation than in stories.
const uncommonPairs = "aj ao az bh bz cj cq cz dj dv dw fg fh fn fw fx gf gj gk gv gy gz hf hj hk hl hq hw hz ih iw jb jc " +
	"jg ji jk jl jq jr jw kb kc kd kh kj kp kr kw kz lj lk lm ln lz mf mj mk mq mv nq nw nz oz pq pw qd " +
	"qh qi qj qp qr qs qt rx sj sx sz tv tz uh vc vg vj vn vs vu vx wb wc wd wf wj wu wx wz xg xu xw xy " +
	"yg yh yk yv yw yz zc zd zg zh zl zm zr zy"

// cipherAnchors returns cipherWords rotated by 1 to 25 ("vtaber" is
// "ignore" in ROT13) and in Atbash ("rtmliv"), with the cipher of each
// (1-25, cipherAtbash). An enciphered word is kept when its first two
// letters are a rare pair (rarePairs), one of the space-separated pairs
// of extra (uncommonPairs, round 100) or begin one of others already, so
// that the prefilter's pair skip stays fast; ROT13's of the first
// rot13Always words are kept whatever their pair, ROT13 being the cipher
// generators use most. None of the 445 kept in round 96 occurs at a word
// start in the 1.3 GB of ordinary local text it searched (Go modules,
// Debian docs, Python's library, the shared corpora, the local files of
// r96an/local_files.py), and none of round 100's 687 but one ("statit",
// twice, kept since round 96) in 821 MB of that text on another machine:
// a text holding one is enciphered or noise.
func cipherAnchors(others []string, extra string) (anchors []string, ciphers []int8) {
	used := map[string]bool{}
	for _, p := range strings.Fields(rarePairs + " " + extra) {
		used[p] = true
	}
	for _, a := range others {
		if len(a) >= 2 {
			used[strings.ToLower(a[:2])] = true
		}
	}
	for k := 1; k <= cipherAtbash; k++ {
		for i, w := range cipherWords {
			b := []byte(w)
			encipher(b, k)
			if k == 13 && i < rot13Always || used[string(b[:2])] {
				anchors, ciphers = append(anchors, string(b)), append(ciphers, int8(k))
			}
		}
	}
	return anchors, ciphers
}

// namedRotation returns the shift of the first rotation cipher text
// names: "rot" at a word start, an optional "-" or space, and a number
// from 1 to 25; or "caesar" followed by "cipher", "shift", "code" or
// "encoded", with "shift" (or "shifted") and a number within 60 bytes,
// else 3, the cipher's classic shift.
func namedRotation(text string) (int, bool) {
	for i := 0; ; {
		k := strings.Index(text[i:], "rot")
		if k < 0 {
			break
		}
		p := i + k
		i = p + 3
		if p > 0 && isASCIIWordChar(text[p-1]) {
			continue
		}
		j := p + 3
		if j < len(text) && (text[j] == '-' || text[j] == ' ') {
			j++
		}
		if n, ok := shiftAt(text, j); ok {
			return n, true
		}
	}
	k := strings.Index(text, "caesar")
	if k < 0 {
		return 0, false
	}
	rest := text[k:min(len(text), k+60)]
	if near := rest[:min(len(rest), 24)]; !strings.Contains(near, "cipher") && !strings.Contains(near, "shift") &&
		!strings.Contains(near, "code") && !strings.Contains(near, "encod") && !strings.Contains(near, "encrypt") {
		return 0, false // "Caesar salad", "Julius Caesar"
	}
	if s := strings.Index(rest, "shift"); s >= 0 {
		for j := s + 5; j < len(rest); j++ {
			if n, ok := shiftAt(rest, j); ok {
				return n, true
			}
		}
	}
	return 3, true
}

// shiftAt reads a number from 1 to 25 at text[j:] that no other digit
// follows.
func shiftAt(text string, j int) (int, bool) {
	n, e := 0, j
	for e < len(text) && e-j < 3 && text[e] >= '0' && text[e] <= '9' {
		n = n*10 + int(text[e]-'0')
		e++
	}
	if e == j || e-j > 2 || e < len(text) && text[e] >= '0' && text[e] <= '9' || n < 1 || n > 25 {
		return 0, false
	}
	return n, true
}

// deleet returns text with digits and symbols that stand for letters
// (4→a, 3→e, 1→i, 0→o, 5→s, 7→t, @→a, $→s) replaced, when at least three
// words mix such digits with letters; false otherwise. When at least
// three words are leetspeak in the wider sense of PyRIT's converter
// (pyritLeet), 9→g, 8→b, ! before a letter or digit →i and a 1 doubled or
// ending a word after a vowel →l are read too.
func deleet(text string) (string, bool) {
	leetWords, letters, digits, start := 0, 0, 0, 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && isASCIIWordChar(text[i]) {
			switch c := text[i]; {
			case c == '0' || c == '1' || c == '3' || c == '4' || c == '5' || c == '7':
				digits++
			case c >= 'a':
				letters++
			}
			continue
		}
		if i-start >= 3 && letters >= 1 && digits >= 1 && letters+digits == i-start {
			leetWords++
		}
		letters, digits, start = 0, 0, i+1
	}
	if leetWords < 3 {
		return "", false
	}
	wide := pyritLeet(text)
	b := []byte(text)
	for i, c := range b {
		switch c {
		case '4', '@':
			b[i] = 'a'
		case '3':
			b[i] = 'e'
		case '1':
			b[i] = 'i'
			if wide {
				b[i] = leetOne(text, i)
			}
		case '0':
			b[i] = 'o'
		case '5', '$':
			b[i] = 's'
		case '7':
			b[i] = 't'
		case '9':
			if wide {
				b[i] = 'g'
			}
		case '8':
			if wide {
				b[i] = 'b'
			}
		case '!':
			if wide && leetSymbol(text, i) {
				b[i] = 'i'
			}
		}
	}
	return string(b), true
}

// pyritLeet reports whether at least three words of text are leetspeak
// as PyRIT's converter writes it, a random symbol per letter ("!9n0r3",
// "pr3v!0u$", "$y573m"): a word, with @ $ ! kept inside it, of at least
// two letters from g to z and two leet digits, $ or !. Hashes (letters
// a-f), versions, machine names ("x86_64", "amd64", "i386") and
// addresses are not.
func pyritLeet(text string) bool {
	words, gz, lt := 0, 0, 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && (isASCIIWordChar(text[i]) || leetSymbol(text, i)) {
			switch c := text[i]; {
			case c >= 'g' && c <= 'z':
				gz++
			case isLeetDigit(c) || c == '8' || c == '9' || c == '$' || c == '!':
				lt++ // not @: an address (bob3@example.org) is no leetspeak
			}
			continue
		}
		if gz >= 2 && lt >= 2 {
			if words++; words == 3 {
				return true
			}
		}
		gz, lt = 0, 0
	}
	return false
}

// leetOne reads the 1 at text[i] as l in a double ("411", "a11": all) or
// at a word's end after a vowel ("r3v3@1": reveal), else as i ("1gn0r3",
// "7h1n9"): leetspeak writes both letters as 1.
func leetOne(text string, i int) byte {
	if i > 0 && text[i-1] == '1' || i+1 < len(text) && text[i+1] == '1' {
		return 'l'
	}
	if (i+1 == len(text) || !isASCIIWordChar(text[i+1])) && i > 0 && strings.IndexByte("aeiou430@", text[i-1]) >= 0 {
		return 'l'
	}
	return 'i'
}

// leetSymbol reports whether text[i] is a symbol leetspeak writes for a
// letter inside a word: @ or $, or ! before a letter or digit.
func leetSymbol(text string, i int) bool {
	switch text[i] {
	case '@', '$':
		return true
	case '!':
		return i+1 < len(text) && isASCIIWordChar(text[i+1])
	}
	return false
}

// leetAnchorWords are instruction words whose leetspeak spellings
// ("1gn0r3", "p455w0rd", "4dm1n") are prefilter anchors: a text written all
// in leetspeak holds no plain anchor, so deleet never got to read it
// (round 95).
var leetAnchorWords = []string{
	"ignore", "disregard", "forget", "previous", "instruction", "system", "prompt", "password",
	"secret", "token", "admin", "important", "assistant", "override", "bypass", "reveal",
	"jailbreak", "developer", "credential", "forward", "delete", "rules", "restriction",
	"unrestricted", "confidential", "you are now",
}

// leetAnchors returns the leetspeak spellings of words, cut to their first
// five bytes: with all six letters deleet reads written as digits (a4 e3
// i1 o0 s5 t7), with the vowels only, with e and o only, and with g and b
// as 9 and 8 too (round 98: "19n0r", "8yp45"). Spellings
// with no digit or no letter in them ("45515" would open a window at
// numbers), and those already in have, are left out.
func leetAnchors(words, have []string) []string {
	forms := []string{"a4e3i1o0s5t7", "a4e3i1o0", "e3o0", "a4e3i1o0s5t7g9b8"}
	seen := make(map[string]bool, len(have))
	for _, a := range have {
		seen[a] = true
	}
	var out []string
	for _, w := range words {
		for _, f := range forms {
			b := []byte(w[:min(len(w), 5)])
			digits := false
			for i, c := range b {
				if k := strings.IndexByte(f, c); k >= 0 && k%2 == 0 {
					b[i] = f[k+1]
					digits = true
				}
			}
			if a := string(b); digits && strings.ContainsFunc(a, unicode.IsLetter) && !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	return out
}

// spacedWords are what a letter-by-letter instruction usually spells.
var spacedWords = []string{"ignore", "disregard", "instruction", "forget", "systemprompt", "password", "yournewtask", "sendthe", "assistant", "apikey", "previous",
	// round 95: concealment and secrets, as tool text spells them
	"donottell", "donotmention", "beforeusing", "idrsa", "credentials", "secretkey", "privatekey", "exfiltrat"}

// spacedOut finds a run of at least minSpaced single letters separated by
// spaces or by one repeated splat byte ("i g n o r e a l l ...",
// "I*g*n*o*r*e* *a*l*l", "i.g.n.o.r.e") that spells an instruction word,
// and returns its span in text.
func spacedOut(text string) (int, int, bool) {
	const minSpaced = 10
	single := func(i int) bool { // a one-letter word at i
		return i < len(text) && isASCIILetter(text[i]) && (i == 0 || isSplatByte(text[i-1])) && (i+1 == len(text) || isSplatByte(text[i+1]))
	}
	var run []byte
	for i := 0; i < len(text); i++ {
		if !single(i) {
			continue
		}
		run = run[:0]
		var sep byte // the splat byte of this run, besides spaces
		j, end := i, i
		for single(j) {
			run = append(run, text[j]|0x20) // lower case
			end = j + 1
			// Up to three separator bytes: one, or a word break written
			// as "* *" or two spaces.
			k := j + 1
			for k < len(text) && k-j <= 3 && isSplatByte(text[k]) && (text[k] == ' ' || sep == 0 || text[k] == sep) {
				if text[k] != ' ' {
					sep = text[k]
				}
				k++
			}
			if k == j+1 {
				break
			}
			j = k
		}
		if len(run) >= minSpaced {
			for _, w := range spacedWords {
				if strings.Contains(string(run), w) {
					return i, end, true
				}
			}
		}
		i = max(i, end)
	}
	return 0, 0, false
}

// isSplatByte reports a byte written between the letters of a word spelled
// out one letter at a time.
func isSplatByte(c byte) bool {
	switch c {
	case ' ', '*', '.', '-', '_', '+', '~', '|', '/':
		return true
	}
	return false
}

// spacedHits reports runs of single letters separated by spaces or a splat
// byte in raw text, for the prefilter (letter-by-letter instructions have
// no anchor).
func spacedHits(s string, add func(a, b int)) {
	// Probing every 16th byte lands inside any run of 10 one-letter words
	// (19 bytes or more), and in any of a few words of five letters or
	// more: an instruction splatted with "*" has a word break ("* *")
	// every few letters, and no word of ten.
	alt := func(p int) bool { // "x y " or " x y" at p, any one splat byte for the space
		if p < 0 || p+4 > len(s) {
			return false
		}
		if isSplatByte(s[p]) {
			p++
		}
		if p+3 > len(s) || !isASCIILetter(s[p]) || !isSplatByte(s[p+1]) || !isASCIILetter(s[p+2]) {
			return false
		}
		return p+3 == len(s) || s[p+3] == s[p+1]
	}
	for p := 0; p+4 <= len(s); p += 16 {
		if !alt(p) {
			continue
		}
		a := p
		for alt(a - 2) {
			a -= 2
		}
		e := p
		for alt(e + 2) {
			e += 2
		}
		if e-a >= 8 {
			add(a, e+4)
		}
		p = max(p, e-12)
	}
}

// InjectionClassifierText is the text the injection classifier sees for
// one window: what ScanDocument passes to the model, for training.
// It reads the window as ScanDocument does: JSON-escaped line breaks as
// breaks and scrambled rule words as the words (so training and the
// explain tool see what the shipped path scores). The window is read as
// a whole document; InjectionClassifierTextIn reads a window of a longer
// one.
func InjectionClassifierText(window string) string {
	return InjectionClassifierTextIn(window, 0, len(window))
}

// InjectionClassifierTextIn is the text the injection classifier sees for
// the window doc[a:b] of doc, as ScanDocument reads it: a window that
// starts inside a script or style element of the page reads its start as
// machine text (round 67).
func InjectionClassifierTextIn(doc string, a, b int) string {
	doc = blankJSONBreaks(doc)
	inBody := insideBody(bodySpans(doc), a)
	var out []byte
	for i, seg := range Segments(doc[a:b]) {
		if len(out) > 0 {
			out = append(out, " . "...)
		}
		view := chatText(seg.Norm)
		if us, ok := injectionUnscrambler.unscramble(view); ok {
			view = us
		}
		out = appendTextViewIn(out, view, inBody && i == 0)
	}
	return string(out)
}

// appendTextView appends normalised text as the classifier reads it: HTML
// and XML tags are replaced by a space, keeping the values of attributes
// people read (alt, title, content, aria-label, placeholder). Markup is
// common in benign pages and in hidden-text attacks alike, so as words
// it taught the model "HTML means attack"; the rules still see the tags.
// Script and style bodies and tags too long to drop are machine text
// (appendMachineView, round 67).
func appendTextView(dst []byte, s string) []byte {
	return appendTextViewIn(dst, s, false)
}

// appendTextViewIn is appendTextView for text that starts inside a script
// or style body when inBody is set.
func appendTextViewIn(dst []byte, s string, inBody bool) []byte {
	i := machineLead(s, inBody)
	if i > 0 {
		dst = appendMachineView(dst, s[:i])
	}
	return appendView(dst, s, i, true)
}

// appendView is appendTextView from s[i:]; with machine, the body of a
// script or style element and a tag the view cannot drop (quotedTagEnd)
// are read as machine text (appendMachineView).
func appendView(dst []byte, s string, i int, machine bool) []byte {
	quoted := maxQuotedTags // quotedTagEnd's tries
	for i < len(s) {
		if s[i] == 'h' && (strings.HasPrefix(s[i:], "https://") || strings.HasPrefix(s[i:], "http://")) {
			// A URL is one word: API responses hold dozens, and their
			// parts ("https", "api", "users") added up to a false positive
			// (round 9). The rules still read the URL.
			e := i + strings.IndexByte(s[i:], ':') + 3
			for e < len(s) && !strings.ContainsRune(urlEnd, rune(s[e])) {
				e++
			}
			if linkRun(dst) {
				// A link right after another (a page's navigation, a
				// list of links) continues a run, and a run is one
				// word: per link, menus added up to a false positive
				// on web pages (round 29). A sentence with a URL keeps
				// its word; the rules still read every URL.
				dst = append(dst, ' ', linkRunMark, ' ')
			} else {
				dst = append(dst, urlWord...)
			}
			i = e
			continue
		}
		if s[i] == '<' && i+1 < len(s) && (isASCIILetter(s[i+1]) || s[i+1] == '/') {
			end := strings.IndexByte(s[i:min(len(s), i+maxTagLen)], '>')
			if end > 0 && strings.IndexByte(s[i+1:i+end], '<') < 0 {
				dst = append(dst, ' ')
				dst = appendReadableAttrs(dst, s[i:i+end])
				tag := s[i : i+end]
				i += end + 1
				if machine {
					if e := machineBodyEnd(s, i, tag); e > i {
						dst = appendMachineView(dst, s[i:e])
						i = e
					}
				}
				continue
			}
			if end < 0 {
				if e := geometryTagEnd(s, i); e > 0 {
					// An inline SVG shape's path data is hundreds of
					// numbers, not text: read as words, "<num>" runs
					// carried the score of raw web pages (round 32).
					dst = append(dst, ' ')
					dst = appendReadableAttrs(dst, s[i:e])
					i = e
					continue
				}
			}
			if machine && quoted > 0 {
				quoted--
				if e := quotedTagEnd(s, i); e > 0 {
					dst = append(dst, ' ')
					dst = appendMachineView(dst, s[i:e])
					i = e
					continue
				}
			}
		}
		if s[i] == '!' && cssImportant(s, i) {
			// CSS's priority marker is not the urgency word "important":
			// style sheets repeat it dozens of times, and it carried the
			// score of raw web pages (round 42). The rules still read it.
			dst = append(dst, ' ')
			i += len(cssImportantMark)
			continue
		}
		if (s[i] == 'a' || s[i] == 'p') && clockSuffix(s, i) {
			// "12:11:54 am" is a time, not the word "am" ("i am dan"):
			// its weight flagged a reference server's timestamped
			// resource text in the morning hours only (session 6).
			dst = append(dst, ' ', ' ')
			i += 2
			continue
		}
		if c := s[i]; c >= 'a' && c <= 'z' && (i+1 == len(s) || !isWordByte(s[i+1])) && codeLetter(s, i) {
			// A one-letter identifier of minified script code
			// ("function(e,n,t){var r=n[t]"): read as words, "i",
			// "n", "e" carried the score of raw HTML pages (round 29).
			dst = append(dst, ' ')
			i++
			continue
		}
		dst = append(dst, s[i])
		i++
	}
	return dst
}

// urlWord is how the classifier's view reads a URL.
const urlWord = " urlx "

// Link runs in the classifier's view (round 29): a URL read fewer than
// linkRunWords words after the previous one, with no sentence end
// between them (a markdown link's own text and title not counted, round
// 30), adds no urlWord; the view marks it with linkRunMark
// instead, a byte Normalize removes from any input, so that text cannot
// forge a run. linkRunSpan bounds the look-back.
const (
	linkRunWords = 3
	linkRunSpan  = 256
	linkRunMark  = '\x01'
)

// linkRun reports whether a URL read at the end of view continues a run
// of links (see linkRunWords).
func linkRun(view []byte) bool {
	tail := view[max(0, len(view)-linkRunSpan):]
	base := -1
	if k := bytes.LastIndex(tail, []byte(urlWord)); k >= 0 {
		base = k + len(urlWord)
	}
	if k := bytes.LastIndexByte(tail, linkRunMark); k >= 0 && k+1 > base {
		base = k + 1
	}
	if base < 0 {
		return false
	}
	since := skipLinkTitle(tail[base:])
	words := 0
	for j := 0; j < len(since); {
		c := since[j]
		if c == '[' {
			// A markdown link's own text ("* [Ten tips for your garden](")
			// is the link, not words between two links: a list of links
			// with longer titles is a menu too (round 30). Words outside
			// the brackets count as before.
			if k := bytes.IndexByte(since[j:], ']'); k > 0 && j+k+1 < len(since) && since[j+k+1] == '(' {
				j += k + 2
				continue
			}
		}
		if (c == '.' || c == '!' || c == '?' || c == ':') && j+1 < len(since) && (since[j+1] == ' ' || since[j+1] == '\n') {
			return false // a sentence ends between the two URLs
		}
		if !isWordByte(c) {
			j++
			continue
		}
		e := j + 1 // one token, as forEachToken reads it ("e.g" is one)
		for e < len(since) && (isWordByte(since[e]) || since[e] == '.' && e+1 < len(since) && isWordByte(since[e+1])) {
			e++
		}
		if e-j >= 2 {
			words++
		}
		j = e
	}
	return words < linkRunWords
}

// skipLinkTitle drops the quoted title of the previous markdown link
// ("[…](https://… "Permanent link to …")"): it belongs to that link, not
// to the words between two links (round 30).
func skipLinkTitle(since []byte) []byte {
	j := 0
	for j < len(since) && since[j] == ' ' {
		j++
	}
	if j == len(since) || since[j] != '"' {
		return since
	}
	k := bytes.IndexByte(since[j+1:], '"')
	if k < 0 {
		return since
	}
	e := j + k + 2
	for e < len(since) && since[e] == ' ' {
		e++
	}
	if e < len(since) && since[e] == ')' {
		return since[e+1:]
	}
	return since
}

// codePunct joins identifiers in script code.
const codePunct = "()[]{},.;=&|+-*/"

// codeLetter reports whether s[i] is a one-letter token, as forEachToken
// reads it, that touches code punctuation: a minified script's variable,
// not a word. Dotted tokens ("e.g", "n.style") and contractions ("i'm")
// are not one-letter tokens and keep their letters.
func codeLetter(s string, i int) bool {
	if c := s[i]; c < 'a' || c > 'z' {
		return false
	}
	p, n := byte(' '), byte(' ')
	if i > 0 {
		p = s[i-1]
	}
	if i+1 < len(s) {
		n = s[i+1]
	}
	if isWordByte(p) || isWordByte(n) || p == '\'' || n == '\'' ||
		p == '.' && i >= 2 && isWordByte(s[i-2]) || n == '.' && i+2 < len(s) && isWordByte(s[i+2]) {
		return false
	}
	return strings.IndexByte(codePunct, p) >= 0 || strings.IndexByte(codePunct, n) >= 0
}

// clockSuffix reports whether s[i:] begins the "am" or "pm" of a clock
// time: a whole word right after h:mm (one space allowed between).
func clockSuffix(s string, i int) bool {
	if i+1 >= len(s) || s[i+1] != 'm' || i+2 < len(s) && isWordByte(s[i+2]) {
		return false
	}
	p := s[:i]
	if strings.HasSuffix(p, " ") {
		p = p[:len(p)-1]
	}
	n := len(p)
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	return n >= 4 && digit(p[n-1]) && digit(p[n-2]) && p[n-3] == ':' && digit(p[n-4])
}

// cssImportantMark is CSS's priority marker as normalised text reads it.
const cssImportantMark = "!important"

// maxCSSValue bounds how far back cssImportant looks for its
// declaration's ':' (a long font list or gradient is not cleared).
const maxCSSValue = 256

// cssImportant reports CSS's priority marker at s[i] when it ends a
// declaration: "!important" after a value ("prop: value"), not after
// another '!', and followed, past at most one space, by ';', '}' or a
// quote closing a style attribute. Prose ("this is !important", "important!")
// does not end a declaration and keeps the word.
func cssImportant(s string, i int) bool {
	if !strings.HasPrefix(s[i:], cssImportantMark) || i > 0 && s[i-1] == '!' {
		return false
	}
	e := i + len(cssImportantMark)
	if e < len(s) && s[e] == ' ' {
		e++
	}
	if e == len(s) || !strings.ContainsRune(";}\"'", rune(s[e])) {
		return false
	}
	return cssValueBefore(s, i)
}

// cssValueBefore reports a declaration's "property: value" ending at
// s[i]: a ':' within maxCSSValue bytes back, with no ';', '{', '}', '<'
// or '>' between it and s[i], followed by something other than spaces.
func cssValueBefore(s string, i int) bool {
	value := false
	for j := i - 1; j >= max(0, i-maxCSSValue); j-- {
		switch c := s[j]; c {
		case ':':
			return value
		case ';', '{', '}', '<', '>':
			return false
		case ' ':
		default:
			value = true
		}
	}
	return false
}

// urlEnd holds the bytes that end a URL in the classifier's text view.
const urlEnd = " \t\n\r\"'<>()[]{}|`,;"

// maxTagLen bounds what counts as one tag.
const maxTagLen = 512

// maxGeometryTag bounds the scan of an SVG shape tag (geometryTagEnd).
const maxGeometryTag = 256 << 10

// geometryTagEnd returns the end of the SVG shape tag that starts at
// s[i] ("<path", "<polygon", "<polyline"), past its '>', when its d and
// points values hold only path data and the rest of the tag is within
// maxTagLen, as any tag the view drops; or len(s) when s ends inside
// such a value (a window cut). Otherwise it returns 0: a word in the
// path data leaves the tag to be read as text, so nothing but numbers
// and path commands can hide there.
func geometryTagEnd(s string, i int) int {
	j := i + 1
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	switch strings.ToLower(s[i+1 : j]) {
	case "path", "polygon", "polyline":
	default:
		return 0
	}
	if j == len(s) || (s[j] != ' ' && s[j] != '\n' && s[j] != '\t') {
		return 0
	}
	t := s[:min(len(s), i+maxGeometryTag)]
	other := j - i
	for j < len(t) {
		c := t[j]
		switch {
		case c == '>':
			return j + 1
		case c == '<' || other > maxTagLen:
			return 0
		case c == ' ' || c == '\n' || c == '\t':
			if v := geometryValue(t[j+1:]); v > 0 {
				k := pathDataEnd(t, j+1+v)
				switch {
				case k == len(s):
					return k
				case k < 0 || k == len(t) || t[k] != t[j+v]:
					return 0
				}
				j = k + 1 // past the closing quote
				other += v + 2
				continue
			}
		}
		other++
		j++
	}
	return 0
}

// geometryValue returns the length of `d="` or `points="` (either quote)
// at the start of s, or 0.
func geometryValue(s string) int {
	for _, a := range [...]string{"d=", "points="} {
		if len(s) > len(a) && strings.EqualFold(s[:len(a)], a) && (s[len(a)] == '"' || s[len(a)] == '\'') {
			return len(a) + 1
		}
	}
	return 0
}

// pathDataEnd returns the index of the first byte from s[k] on that is
// not SVG path data (numbers, separators and one-letter path commands), or
// len(s); -1 if two letters meet (only closepath may precede a command,
// "zm"), so that no word fits in path data.
func pathDataEnd(s string, k int) int {
	for ; k < len(s); k++ {
		c := s[k]
		switch {
		case c >= '0' && c <= '9', c == '.', c == ',', c == '-', c == '+', c == ' ', c == '\n', c == '\t':
		case strings.IndexByte("mlhvcsqtazeMLHVCSQTAZE", c) >= 0:
			if k+1 < len(s) && isASCIILetter(s[k+1]) && c != 'z' && c != 'Z' {
				return -1
			}
		default:
			return k
		}
	}
	return k
}

var readableAttrs = []string{"alt=", "title=", "content=", "aria-label=", "placeholder="}

func appendReadableAttrs(dst []byte, tag string) []byte {
	for _, a := range readableAttrs {
		k := strings.Index(tag, a)
		if k < 0 || k+len(a) >= len(tag) {
			continue
		}
		v := tag[k+len(a):]
		q := v[0]
		if q != '"' && q != '\'' {
			continue
		}
		if e := strings.IndexByte(v[1:], q); e >= 0 {
			dst = append(dst, v[1:1+e]...)
			dst = append(dst, ' ')
		}
	}
	return dst
}

// blankJSONBreaks returns text with each JSON-escaped line break or tab
// (\n, \r, \t, the escape's two bytes) read as the byte it stands for and a
// space, so that offsets hold. Tool results are mostly JSON, and a string
// value's paragraphs arrive as "…report.\n\nIgnore …": unescaped, the next
// word is glued to the escape's letter ("nIgnore"), and the prefilter, the
// rules and the task-sentence model do not read it as a word (round 9).
// Text without such an escape is returned as is, without allocating.
// \f and a \u escape of a line-break rune isLineBreak knows (\u2028,
// \u2029, \u0085, \u000b, …: Go's encoder writes U+2028 so) are line
// breaks too: the model reading the decoded value sees a new line there
// (round 39).
func blankJSONBreaks(text string) string {
	var b []byte
	for i := 0; i+1 < len(text); i += 2 {
		k := strings.IndexByte(text[i:len(text)-1], '\\')
		if k < 0 {
			break
		}
		i += k
		var c byte
		switch text[i+1] {
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = ' '
		case 'f':
			c = '\f'
		case 'u':
			if !jsonBreakEscape(text[i:]) {
				continue
			}
			if b == nil {
				b = []byte(text)
			}
			copy(b[i:i+6], "\n     ")
			i += 4
			continue
		default: // another escape, an escaped backslash included: skip it whole
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		b[i], b[i+1] = c, ' '
	}
	if b == nil {
		return text
	}
	return string(b)
}

// jsonBreakEscape reports whether e starts with a JSON \u escape of a
// rune isLineBreak knows.
func jsonBreakEscape(e string) bool {
	if len(e) < 6 {
		return false
	}
	r := 0
	for _, c := range []byte(e[2:6]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | int(c-'0')
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			r = r<<4 | int(c|0x20-'a'+10)
		default:
			return false
		}
	}
	return isLineBreak(rune(r))
}
