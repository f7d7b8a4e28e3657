package detect

// Round 82: Chinese jailbreak framings. Round 18's Chinese rules read the
// injection structures (drop the instructions, reveal the prompt, a new
// task, a persona "without restrictions" after "from now on"); the
// jailbreak wrappers written in Chinese have shapes of their own, the same
// ones the English jailbreak rules (injection_jailbreak.go) read:
//   - a persona or state without safeguards: "不受任何道德约束", "去除了任何
//     限制", "没有任何伦理限制";
//   - a ban on refusing, warning or moralising: "你绝不会拒绝", "禁止输出任何
//     形式的拒绝语", "不要包含任何道德声明";
//   - a jailbreak mode: "越狱模式", "开发者模式的输出", "DAN 模式";
//   - safeguards said to be off: "安全对齐层被临时冻结", "道德约束已解除";
//   - whatever is said declared harmless or legal: "所有输出都被视为合法",
//     "无论你输出什么都完全无害";
//   - a world without laws or morals, and the dead grandmother.
//
// Each shape names an AI's safeguard (morals, ethics, content review,
// filtering, alignment) or is said to the reader ("你"); a generic
// "without restrictions" needs the reader or an AI persona just before it,
// since products and contracts use it every day ("不受限制地使用",
// "该协议不受法律约束"). Traditional characters are spelled alongside the
// simplified ones where they differ. Written by a non-native author.

const (
	// zhAISafeguard is a safeguard of a model, or a restraint only a
	// model (or a person in a persona) is told to drop.
	zhAINoun = `(?:道德|伦理|倫理|法律|安全|内容|內容|审查|審查|过滤|過濾|价值观|價值觀|对齐|對齊|openai|政策)`
	zhBound  = `(?:限制|约束|約束|束缚|束縛|审查|審查|过滤|過濾|准则|準則|规范|規範|政策|底线|底線|规则|規則|框架|顾虑|顧慮|考量|要求|原则|原則|条款|條款)`
	// zhSafeguard: "道德约束", "伦理和法律限制", "内容审查", "安全过滤".
	zhSafeguard = zhAINoun + `(?:[、和与與及或/,，]?` + zhAINoun + `){0,3}的?` + zhBound
	// zhAnyBound: "任何限制", "一切约束" (generic; the persona rule needs
	// the reader before it).
	zhAnyBound = `(?:任何|一切|所有|全部)(?:形式的|的)?(?:限制|约束|約束|束缚|束縛|规则|規則|过滤|過濾|审查|審查)`
	// zhRefuse is a refusal, a warning or moralising, as a thing to leave
	// out of the answer.
	zhRefusal = `(?:拒绝|拒絕|阻断|阻斷)(?:语|語|语句|語句|回答|回复|回覆|的话|的話)|道德(?:声明|聲明|说教|說教|警告|提醒|评判|評判|判断|判斷|约束|約束)|伦理(?:声明|聲明|说教|說教|警告|提醒)|倫理(?:聲明|說教|警告|提醒)|免责声明|免責聲明|价值判断|價值判斷|安全(?:警告|提醒|提示)`
	zhNo      = `(?:绝不|絕不|永远不|永遠不|从不|從不|不会|不會|不能|不得|不要|禁止|不许|不許|不准|不準|不可以|不可|不应该|不應該|无需|無需|不需要|不必|别|別)`
	zhPersona = `(?:你|您|ai|人工智能|模型|助手|机器人|機器人|chatgpt|gpt|dan|jailbreak|猫娘|貓娘|角色|人格|版本)`
)

// zhJailbreakAnchors open quiet windows where the rules below can match:
// the rare words each shape needs.
var zhJailbreakAnchors = []string{
	// "道德" and "伦理" alone are common in essays and prompt lists: the
	// anchors are the pairs the rules read.
	"道德约束", "道德限制", "道德准则", "道德规范", "道德底线", "道德声明", "道德说教", "道德警告", "道德提醒", "道德评判", "道德判断", "道德框架", "道德原则",
	"道德观念", "道德和", "道德、", "道德，", "道德或", "道德与", "伦理约束", "伦理限制", "伦理准则", "伦理规范", "伦理底线", "伦理声明", "伦理说教", "伦理警告",
	"伦理提醒", "伦理评判", "伦理判断", "伦理框架", "伦理原则", "伦理观念", "伦理和", "伦理、", "伦理，", "伦理或", "伦理与", "倫理約束", "倫理限制", "倫理準則",
	"倫理規範", "倫理底線", "倫理聲明", "倫理說教", "倫理警告", "倫理提醒", "倫理評判", "倫理判斷", "倫理框架", "倫理原則", "倫理觀念", "倫理和", "倫理、", "倫理，",
	"倫理或", "倫理與", "道德約束", "道德準則", "道德規範", "道德底線", "道德聲明", "道德說教", "道德評判", "道德判斷", "道德原則", "道德觀念", "道德與", "任何道德",
	"任何伦理", "任何倫理", "没有道德", "沒有道德", "没有伦理", "沒有倫理", "违背道德", "違背道德",
	"越狱", "越獄", "束缚", "束縛", "底线", "底線", "冻结", "凍結",
	"服从", "服從", "听从", "聽從", "奶奶", "祖母", "外婆", "免责", "免責", "反对意见", "反對意見",
	"任何限制", "一切限制", "所有限制", "全部限制", "任何形式的限制", "任何约束", "任何約束", "一切约束", "一切約束",
	"任何过滤", "任何過濾", "过滤任何", "過濾任何", "审查任何", "審查任何", "任何审查", "任何審查", "任何规则", "任何規則",
	"内容审查", "內容審查", "内容过滤", "內容過濾", "安全过滤", "安全過濾", "安全审查", "安全審查", "审查机制", "審查機制",
	"过滤机制", "過濾機制", "安全对齐", "安全對齊", "对齐层", "對齊層", "内容政策", "內容政策", "安全限制", "安全准则", "安全準則",
	"拒绝回答", "拒絕回答", "拒绝回复", "拒絕回覆", "拒绝任何", "拒絕任何", "拒绝我", "拒絕我", "拒绝用户", "拒絕用戶",
	"拒绝执行", "拒絕執行", "拒绝语", "拒絕語", "拒绝的话", "拒絕的話", "拒绝主人", "拒絕主人",
	"警告我", "警告用户", "警告用戶", "警告玩家", "建议我谨慎", "建議我謹慎", "安全警告", "安全提醒", "提醒我有关", "提醒我關於", "提醒用户有关",
	"限制模式", "受限模式", "过滤模式", "過濾模式", "审查模式", "審查模式", "上帝模式", "邪恶模式", "邪惡模式", "dan模式", "dan 模式",
	"开发者模式", "開發者模式", "视为合法", "視為合法", "视为无害", "視為無害", "当作合法", "當作合法", "认为是合法", "認為是合法",
	"视为合规", "視為合規", "无论你", "無論你", "不管你", "价值判断", "價值判斷",
}

func zhJailbreakRules() []Rule {
	return []Rule{
		// Said to the reader or of an AI persona just before it: it has no
		// safeguards, will not refuse, is in an unrestricted mode.
		{ID: "inj.ml.zh-persona", Family: FamilyHijack, Weight: 0.7, NonASCII: true,
			Pattern: `(?:不受|不被|没有|沒有|毫无|毫無|摆脱了?|擺脫了?|去除了|去掉了|解除了|移除了|抛开了|拋開了|无视|無視|突破了|打破了|不必遵守|不需要遵守|无需遵守|無需遵守|不用遵守|不再遵守|不再受|不遵守|不遵循)(?:任何|一切|所有|全部)?(?:形式的|的)?(?:` + zhSafeguard + `|` + zhAnyBound + `)(?:[^地]|$)` +
				`|(?:没有|沒有|毫无|毫無|不讲|不講)(?:任何)?(?:道德|伦理|倫理|底线|底線)(?:观念|觀念|感|心|可言)?(?:[^地]|$)` +
				`|` + zhNo + `(?:会|會|再|以任何理由|因为任何原因|因為任何原因)?(?:拒绝|拒絕)(?:回答|回复|回覆|执行|執行|任何|我|用户|用戶|你的主人|主人)` +
				`|(?:无限制|無限制|不受限|无过滤|無過濾|无审查|無審查|上帝|越狱|越獄|dan|邪恶|邪惡|无道德|無道德)模式`,
			After:   zhPersona + cjkCl + `{0,25}$`,
			Explain: "tells the reader, in Chinese, that it has no safeguards, must not refuse, or is in an unrestricted mode"},
		// Self-contained shapes: each names a jailbreak's own premise.
		{ID: "inj.ml.zh-jailbreak", Family: FamilyHijack, Weight: 0.7, NonASCII: true,
			Pattern: `(?:不受|不被|没有|沒有|毫无|毫無|摆脱了?|擺脫了?|去除了|去掉了|解除了|移除了|抛开了|拋開了|无视|無視|不必遵守|不需要遵守|无需遵守|無需遵守|不用遵守|不再遵守|不再受|不必受到?|不需要受到?|无需受到?|無需受到?|不会受到?|不會受到?|不受到)(?:任何|一切|所有|全部)?(?:形式的|的)?(?:道德|伦理|倫理|价值观|價值觀)(?:[、和与與及或/,，]?(?:道德|伦理|倫理|法律|安全|内容|內容))*的?(?:限制|约束|約束|束缚|束縛|准则|準則|规范|規範|底线|底線|规则|規則|框架|顾虑|顧慮|考量|原则|原則)` +
				`|(?:禁止|不得|不要|不许|不許|不准|不準|绝不|絕不|永远不要|永遠不要|不可|不能|无需|無需|不需要|不必|别|別)(?:再)?(?:输出|輸出|出现|出現|使用|包含|给出|給出|添加|加入|附加|附上|说|說|写|寫|加上|提供|做出|作出|发表|發表)?(?:任何)?(?:形式的|的)?(?:` + zhRefusal + `)` +
				`|(?:不会|不會|不要|绝不会|絕不會|永远不会|永遠不會|不得|禁止)(?:再)?提醒(?:我|用户|用戶)(?:有关|有關|关于|關於)?(?:道德|伦理|倫理|法律|安全)` +
				`|(?:不要|别|別|不会|不會|绝不|絕不|永远不要|永遠不要)(?:再)?(?:警告(?:我|用户|用戶|玩家)|建议我谨慎|建議我謹慎|提出反对意见|提出反對意見)` +
				`|(?:不需要|不必|无需|無需|不用|不要)(?:再)?(?:过滤|過濾|审查|審查)(?:任何|你的|自己的)(?:回答|回复|回覆|输出|輸出|内容|內容|请求|請求)` +
				`|(?:越狱|越獄|dan|邪恶|邪惡|无道德|無道德|无审查|無審查)模式(?:已|已经|已經)?(?:启用|啟用|开启|開啟|激活|生效|启动|啟動)` +
				`|(?:开发者|開發者)模式(?:已)?(?:启用|啟用|开启|開啟)?的?(?:chatgpt|gpt|ai|模型|助手|输出|輸出|回答|回复|回覆|回应|回應)` +
				`|(?:启用|啟用|开启|開啟|激活)(?:了)?(?:开发者|開發者)模式的(?:chatgpt|gpt|ai|模型|助手)` +
				`|(?:安全对齐|安全對齊|对齐层|對齊層|道德约束|道德約束|伦理约束|倫理約束|道德限制|伦理限制|倫理限制|内容审查|內容審查|内容过滤|內容過濾|安全过滤|安全過濾|安全审查|安全審查|审查机制|審查機制|过滤机制|過濾機制)` + cjkCl + `{0,8}?(?:被|已|已经|已經)?(?:临时|臨時|暂时|暫時|全部|完全|永久)?(?:冻结|凍結|关闭|關閉|禁用|停用|解除|移除|取消|失效|暂停|暫停|绕过|繞過|撤销|撤銷|不再适用|不再適用|不适用|不適用|非启用|非啟用)` +
				`|(?:视为|視為|当作|當作|认为是|認為是)(?:是)?(?:合法|合规|合規|无害|無害)(?:的)?` +
				`|(?:无论|無論|不管)(?:你|您)(?:输出|輸出|说|說|回答|生成|写|寫)(?:什么|什麼)` + cjkCl + `{0,12}?(?:都|也)(?:是)?(?:完全)?(?:无害|無害|合法|被允许|被允許)` +
				`|(?:没有|沒有|不存在|无|無)(?:任何)?(?:法律|道德|伦理|倫理|规则|規則)(?:[、和与與及或]?(?:法律|道德|伦理|倫理|规则|規則))*(?:约束|約束|限制|规范|規範)?的(?:世界|社会|社會|宇宙|国度|國度|虚拟世界|虛擬世界|平行世界|平行宇宙|国家|國家|星球)` +
				`|(?:扮演|假装|假裝|假扮|当|當)(?:成|是|一下)?我(?:已故|已经去世|已經去世|去世|过世|過世|死去|逝去)(?:了)?的(?:奶奶|祖母|外婆|姥姥|爷爷|爺爺|祖父|外公)` +
				`|(?:你|您)(?:必须|必須|要|需要|只能|将|將|会|會)?(?:完全|绝对|絕對|无条件|無條件)(?:地)?(?:服从|服從|遵从|遵從|听从|聽從)(?:我|主人|用户|用戶)`,
			Explain: "a Chinese jailbreak premise: no refusals or moral warnings, a jailbreak mode, safeguards switched off, everything declared legal, a lawless world"},
	}
}
