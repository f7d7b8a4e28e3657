package content

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/warden-mcp/warden/internal/guard"
)

func paths(d *Doc) []string {
	var out []string
	for i := range d.Fields() {
		out = append(out, fmt.Sprintf("%s=%s", d.Path(i), d.Text(i)))
	}
	return out
}

var b64 = base64.StdEncoding.EncodeToString

func TestFields(t *testing.T) {
	tests := []struct {
		name  string
		shape Shape
		raw   string
		want  []string
	}{
		{"tool result", ToolResult, `{"content":[
			{"type":"text","text":"hello \u00e9\n"},
			{"type":"image","data":"aGVsbG8=","mimeType":"image/png"},
			{"type":"audio","data":"aGVsbG8=","mimeType":"audio/wav"},
			{"type":"resource_link","uri":"file:///a.txt","name":"a.txt","description":"the file"},
			{"type":"resource","resource":{"uri":"file:///b","mimeType":"text/plain","text":"bee"}},
			{"type":"resource","resource":{"uri":"file:///c","mimeType":"application/json","blob":"` + b64([]byte(`{"k":"see"}`)) + `"}},
			{"type":"resource","resource":{"uri":"file:///d","mimeType":"image/png","blob":"AAAA"}},
			{"type":"text","text":"","_meta":{"x":"not me"}}
		],"structuredContent":{"a":["x",{"b":"y","_meta":"no"}],"n":1,"weird key":"z"},"isError":false,"_meta":{"t":"no"}}`,
			[]string{"content[0].text=hello é\n", "content[3].name=a.txt", "content[3].description=the file",
				"content[3].uri=file:///a.txt", "content[4].resource.uri=file:///b", "content[4].resource.text=bee",
				"content[5].resource.uri=file:///c", `content[5].resource.blob={"k":"see"}`, "content[6].resource.uri=file:///d",
				"structuredContent.a[0]=x", "structuredContent.a[1].b=y", "structuredContent.a[1]._meta=no", // the tool's data, not protocol metadata
				`structuredContent["weird key"]=z`}},
		{"resource read", ResourceResult, `{"contents":[{"uri":"u1","mimeType":"text/markdown","text":"# hi"},{"uri":"u2","mimeType":"text/plain; charset=utf-8","blob":"` + b64([]byte("blobby")) + `"}]}`,
			[]string{"contents[0].uri=u1", "contents[0].text=# hi", "contents[1].uri=u2", "contents[1].blob=blobby"}},
		{"prompt", PromptResult, `{"description":"d","messages":[{"role":"user","content":{"type":"text","text":"m0"}},{"role":"assistant","content":[{"type":"text","text":"m1"}]}]}`,
			[]string{"description=d", "messages[0].content.text=m0", "messages[1].content[0].text=m1"}},
		{"completion", CompletionResult, `{"completion":{"values":["a","b"],"total":2}}`,
			[]string{"completion.values[0]=a", "completion.values[1]=b"}},
		{"sampling", SamplingRequest, `{"systemPrompt":"sys","maxTokens":5,"messages":[{"role":"user","content":{"type":"text","text":"q"}},
			{"role":"user","content":[{"type":"tool_result","toolUseId":"1","content":[{"type":"text","text":"tr"}]},{"type":"tool_use","id":"2","name":"n","input":{"q":"iq"}}]}]}`,
			[]string{"systemPrompt=sys", "messages[0].content.text=q", "messages[1].content[0].content[0].text=tr", "messages[1].content[1].input.q=iq"}},
		{"elicitation", ElicitationRequest, `{"message":"please","requestedSchema":{"type":"object"}}`, []string{"message=please"}},
		{"tool call", ToolCall, `{"name":"t","arguments":{"a":"x","b":[1,"y"]},"_meta":{"progressToken":"p"}}`, []string{"arguments.a=x", "arguments.b[1]=y"}},
		{"prompt get", PromptGet, `{"name":"p","arguments":{"a":"x"}}`, []string{"arguments.a=x"}},
		{"completion request", CompletionRequest, `{"ref":{"type":"ref/prompt","name":"p"},"argument":{"name":"a","value":"v"},"context":{"arguments":{"b":"c"}}}`,
			[]string{"ref.type=ref/prompt", "ref.name=p", "argument.name=a", "argument.value=v", "context.arguments.b=c"}},
		{"resource request", ResourceRequest, `{"uri":"file:///x?token=abc"}`, []string{"uri=file:///x?token=abc"}},
		{"sampling answer", SamplingAnswer, `{"role":"assistant","content":{"type":"text","text":"ans"},"model":"m"}`, []string{"content.text=ans"}},
		{"elicitation answer", ElicitationAnswer, `{"action":"accept","content":{"name":"bob","age":3}}`, []string{"content.name=bob"}},
		{"generic", Generic, `["a",{"b":"c","_meta":{"d":"e"}}]`, []string{"[0]=a", "[1].b=c"}},
		{"unknown block", ToolResult, `{"content":[{"type":"future","body":"fb","data":"x"}]}`, []string{"content[0].body=fb"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.shape, []byte(tc.raw))
			if err != nil {
				t.Fatal(err)
			}
			if got := paths(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("fields\n got %q\nwant %q", got, tc.want)
			}
			if !bytes.Equal(d.Bytes(), []byte(tc.raw)) {
				t.Error("unchanged document is not byte-identical")
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, raw := range []string{``, `{`, `{"a":}`, `{"a":"\x"}`, `[1,]`, `{"a":1}x`, "\"\x01\"", `01`, `{"content":"x"`} {
		if _, err := Parse(Generic, []byte(raw)); err == nil {
			t.Errorf("%q: no error", raw)
		}
	}
	if _, err := Parse(ToolResult, []byte(`[]`)); err == nil {
		t.Error("array tool result accepted")
	}
}

func TestRewrite(t *testing.T) {
	raw := `{"content":[ {"type":"text","text":"secret here","annotations":{"audience":["user"]}},
 {"type":"resource","resource":{"uri":"u","mimeType":"text/plain","blob":"` + b64([]byte("blob secret")) + `"}}],"_meta":{"keep":"me"}}`
	d, err := Parse(ToolResult, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	d.Set(0, `"quoted" <x> & é`+"\n\x01")
	d.Set(0, `"quoted" <x> & é`+"\n\x01 again") // the last Set wins
	d.Set(2, "blob [gone]")
	if !d.PrependBlock(json.RawMessage(`{"type":"text","text":"note"}`)) {
		t.Fatal("no content array")
	}
	out := d.Bytes()
	var v struct {
		Content []struct {
			Text     string `json:"text"`
			Resource struct {
				Blob string `json:"blob"`
			} `json:"resource"`
		} `json:"content"`
		Meta map[string]string `json:"_meta"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if v.Content[0].Text != "note" || v.Content[1].Text != `"quoted" <x> & é`+"\n\x01 again" {
		t.Errorf("content: %+v", v.Content)
	}
	if got, _ := base64.StdEncoding.DecodeString(v.Content[2].Resource.Blob); string(got) != "blob [gone]" {
		t.Errorf("blob: %q", got)
	}
	if !strings.Contains(string(out), `"annotations":{"audience":["user"]}},`) || !strings.HasSuffix(string(out), `"_meta":{"keep":"me"}}`) {
		t.Errorf("untouched bytes changed: %s", out)
	}
	if d.Text(0) != `"quoted" <x> & é`+"\n\x01 again" || d.Text(2) != "blob [gone]" {
		t.Errorf("Text after Set: %q %q", d.Text(0), d.Text(2))
	}
}

func TestReplaceTop(t *testing.T) {
	d, err := Parse(ToolResult, []byte(`{"content":[{"type":"text","text":"x"}],"structuredContent":{"a":1},"isError":false,"_meta":{"m":1}}`))
	if err != nil {
		t.Fatal(err)
	}
	got := string(d.ReplaceTop(map[string]json.RawMessage{
		"content": json.RawMessage(`[]`), "structuredContent": nil, "isError": json.RawMessage(`true`), "zz": json.RawMessage(`1`),
	}))
	want := `{"content":[],"isError":true,"_meta":{"m":1},"zz":1}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestJoinedLocate(t *testing.T) {
	d, err := Parse(Generic, []byte(`{"a":"hello","b":"world","c":"again"}`))
	if err != nil {
		t.Fatal(err)
	}
	text, offs := d.Joined("\n\n")
	if text != "hello\n\nworld\n\nagain" || !reflect.DeepEqual(offs, []int{0, 7, 14}) {
		t.Fatalf("%q %v", text, offs)
	}
	var got []string
	d.Locate(offs, 3, 9, func(f, a, b int) { got = append(got, fmt.Sprintf("%d:%d-%d", f, a, b)) })
	d.Locate(offs, 14, 16, func(f, a, b int) { got = append(got, fmt.Sprintf("%d:%d-%d", f, a, b)) })
	d.Locate(offs, 5, 7, func(f, a, b int) { got = append(got, fmt.Sprintf("%d:%d-%d", f, a, b)) }) // separator only
	if want := []string{"0:3-5", "1:0-2", "2:0-2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v want %v", got, want)
	}
}

func TestOf(t *testing.T) {
	tests := []struct {
		ph     guard.Phase
		method string
		answer bool
		shape  Shape
		target Target
	}{
		{guard.PhaseResult, "tools/call", false, ToolResult, InResult},
		{guard.PhaseResult, "x/unknown", false, Generic, InResult},
		{guard.PhaseServerRequest, "sampling/createMessage", false, SamplingRequest, InParams},
		{guard.PhaseServerRequest, "roots/list", false, None, 0},
		{guard.PhaseRequest, "tools/call", false, ToolCall, InParams},
		{guard.PhaseRequest, "elicitation/create", true, ElicitationAnswer, InResult},
		{guard.PhaseList, "tools/list", false, None, 0},
	}
	for _, tc := range tests {
		ex := &guard.Exchange{Phase: tc.ph, Method: tc.method}
		if tc.answer {
			ex.Result = json.RawMessage(`{}`)
		}
		if s, tg := Of(ex); s != tc.shape || tg != tc.target {
			t.Errorf("%s %s: %s %d", tc.ph, tc.method, s, tg)
		}
	}
}

func semEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	dec := func(b []byte, v *any) error {
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		return d.Decode(v)
	}
	if err := dec(a, &va); err != nil {
		t.Fatalf("unmarshal a: %v", err)
	}
	if err := dec(b, &vb); err != nil {
		t.Fatalf("unmarshal rewritten: %v\n%q", err, b)
	}
	return reflect.DeepEqual(va, vb)
}

func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{`{"content":[{"type":"text","text":"a\u00e9\ud83d\ude00\"\\"}]}`, `"x"`, `[1,2.5e3,-0,true,null,{}]`,
		`{"a":"\ud800","b":"\xff"}`, `{"a":{"_meta":"x","b":"\u2028"}}`, `{"a":"</script>&"}`} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, shape uint8) {
		sh := Shape(shape % uint8(None+1))
		d, err := Parse(sh, data)
		valid := json.Valid(data)
		if err != nil {
			if valid && (sh == Generic || bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("{"))) && !strings.Contains(err.Error(), "too deep") {
				t.Fatalf("valid JSON rejected: %v", err)
			}
			return
		}
		if !valid {
			t.Fatalf("invalid JSON accepted: %q", data)
		}
		// Identity rewrite: every field set to its own text.
		for i := range d.Fields() {
			d.Set(i, d.Text(i))
		}
		if !semEqual(t, data, d.Bytes()) {
			t.Fatalf("identity rewrite changed the payload:\n%q\n%q", data, d.Bytes())
		}
		// A real rewrite stays valid JSON, member names and numbers included.
		for i := range d.Fields() {
			d.Set(i, "[x]\"\n"+d.Text(i))
		}
		for i := range d.Extras() {
			d.SetExtra(i, "[x]")
		}
		if !json.Valid(d.Bytes()) {
			t.Fatalf("rewrite produced invalid JSON: %q", d.Bytes())
		}
	})
}

// FuzzAppendString: the encoder agrees with encoding/json on what a
// string decodes to, invalid UTF-8 included.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "ˆˆˆˆˆˆˆˆˆˆ\u2028x", "\xff\xfe\"\\\n\x01", "héllo wörld, ça va? \u2029 end"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got, want string
		if err := json.Unmarshal(appendString(nil, s), &got); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		ref, _ := json.Marshal(s)
		if err := json.Unmarshal(ref, &want); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("%q: got %q want %q", s, got, want)
		}
	})
}

// TestDataMetaIsData: a "_meta" member inside arguments, structuredContent
// or tool input is the tool's data (a model can put a secret under it);
// only the protocol's own _meta is skipped.
func TestDataMetaIsData(t *testing.T) {
	tests := []struct {
		shape Shape
		raw   string
		want  []string
	}{
		{ToolCall, `{"name":"t","arguments":{"to":"x","_meta":{"t":"s1"}},"_meta":{"progressToken":"p"}}`,
			[]string{"arguments.to=x", "arguments._meta.t=s1"}},
		{ToolResult, `{"content":[{"type":"text","text":"a","_meta":{"x":"no"}}],"structuredContent":{"rows":[{"_meta":"s2"}]},"_meta":{"y":"no"}}`,
			[]string{"content[0].text=a", "structuredContent.rows[0]._meta=s2"}},
		{SamplingRequest, `{"messages":[{"role":"user","content":{"type":"tool_use","id":"1","name":"n","input":{"_meta":"s3"}}}]}`,
			[]string{"messages[0].content.input._meta=s3"}},
		{ElicitationAnswer, `{"action":"accept","content":{"_meta":"s4"}}`, []string{"content._meta=s4"}},
		{Generic, `{"a":"x","_meta":{"d":"e"}}`, []string{"a=x"}},
	}
	for _, tc := range tests {
		d, err := Parse(tc.shape, []byte(tc.raw))
		if err != nil {
			t.Fatal(err)
		}
		if got := paths(d); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %q want %q", tc.shape, got, tc.want)
		}
	}
}

// TestMoreShapes: model-facing text outside the fields the spec names.
func TestMoreShapes(t *testing.T) {
	tests := []struct {
		name  string
		shape Shape
		raw   string
		want  []string
	}{
		{"legacy toolResult", ToolResult, `{"toolResult":{"out":"r"}}`, []string{"toolResult.out=r"}},
		{"content as one block", ToolResult, `{"content":{"type":"text","text":"c"}}`, []string{"content.text=c"}},
		{"content as a string", ToolResult, `{"content":"c"}`, []string{"content=c"}},
		{"sampling tools", SamplingRequest, `{"messages":[],"tools":[{"name":"n","description":"desc"}]}`, []string{"tools[0].name=n", "tools[0].description=desc"}},
		{"octet-stream blob that is text", ResourceResult, `{"contents":[{"uri":"u","mimeType":"application/octet-stream","blob":"` + b64([]byte("A=b\n")) + `"}]}`,
			[]string{"contents[0].uri=u", "contents[0].blob=A=b\n"}},
		{"blob without mimeType", ResourceResult, `{"contents":[{"uri":"u","blob":"` + b64([]byte("T=x")) + `"}]}`,
			[]string{"contents[0].uri=u", "contents[0].blob=T=x"}},
		{"binary blob", ResourceResult, `{"contents":[{"uri":"u","mimeType":"application/octet-stream","blob":"` + b64([]byte("\x89PNG\r\n\x1a\n\x00\x00")) + `"}]}`,
			[]string{"contents[0].uri=u"}},
		{"long text blob, sniffed", ResourceResult, `{"contents":[{"uri":"u","blob":"` + b64([]byte(strings.Repeat("é", 5000))) + `"}]}`,
			[]string{"contents[0].uri=u", "contents[0].blob=" + strings.Repeat("é", 5000)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(tc.shape, []byte(tc.raw))
			if err != nil {
				t.Fatal(err)
			}
			if got := paths(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestStrayPadding: text after a '=' that does not end a group of four is
// decoded, as Python's b64decode does, not dropped.
func TestStrayPadding(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{b64([]byte("abc")) + "=" + b64([]byte("hidden")), "abchidden"},
		{"YQ==" + b64([]byte("xyz")), "a"}, // "YQ==" completes a group: decoding ends
		{"YWJj", "abc"},
	} {
		got, ok := decodeBase64(tc.in)
		if !ok || string(got) != tc.want {
			t.Errorf("%q: %q %v, want %q", tc.in, got, ok, tc.want)
		}
	}
}

// TestExtras: member names and long integers inside structured data are
// extras, with their paths and context, and can be rewritten.
func TestExtras(t *testing.T) {
	raw := `{"name":"t","arguments":{"ghp_k":{"v":1},"card":4111111111111111,"f":12.345678,"n":12,"env":[{"name":"DB_PASSWORD","value":"pw"}],"[X]":1,"[x]#2":2}}`
	d, err := Parse(ToolCall, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range d.Extras() {
		got = append(got, fmt.Sprintf("%s=%s key=%v ctx=%s", d.ExtraPath(i), d.ExtraText(i), d.ExtraKey(i), d.ExtraContext(i)))
	}
	want := []string{"arguments.ghp_k=ghp_k key=true ctx=", "arguments.ghp_k.v=v key=true ctx=", "arguments.card=card key=true ctx=",
		"arguments.card=4111111111111111 key=false ctx=card", "arguments.f=f key=true ctx=", "arguments.n=n key=true ctx=",
		"arguments.env=env key=true ctx=", "arguments.env[0].name=name key=true ctx=", "arguments.env[0].value=value key=true ctx=",
		`arguments["[X]"]=[X] key=true ctx=`, `arguments["[x]#2"]=[x]#2 key=true ctx=`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("extras\n got %q\nwant %q", got, want)
	}
	for i := range d.Fields() {
		if d.Path(i) == "arguments.env[0].value" && d.Context(i) != "DB_PASSWORD" {
			t.Errorf("context of a name/value pair's value: %q", d.Context(i))
		}
	}
	d.SetExtra(0, "[x]")                    // taken by "[X]" in another case: becomes [x]#2, then #3 (taken too)
	d.SetExtra(3, "[REDACTED:credit-card]") // a number becomes a string
	out := d.Bytes()
	var v struct {
		Arguments map[string]any `json:"arguments"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if _, ok := v.Arguments["[x]#3"]; !ok || v.Arguments["card"] != "[REDACTED:credit-card]" || v.Arguments["f"] != 12.345678 {
		t.Errorf("rewritten: %s", out)
	}
	if !bytes.Contains(out, []byte(`"f":12.345678,"n":12,`)) {
		t.Errorf("untouched bytes changed: %s", out)
	}
}
