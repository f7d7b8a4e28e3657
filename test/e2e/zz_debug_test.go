package e2e

import (
	"bufio"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

func TestZZWrapRaw(t *testing.T) {
	need(t)
	cmd := exec.Command(env.warden, append([]string{"wrap", "--"}, everythingCmd()...)...)
	cmd.Dir = t.TempDir()
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer in.Close()
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for i := range 8 {
		req := map[string]any{"jsonrpc": "2.0", "id": i + 1, "method": "tools/call", "params": map[string]any{
			"name": "trigger-long-running-operation", "arguments": map[string]any{"duration": 0.3, "steps": 2},
			"_meta": map[string]any{"progressToken": i, "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": map[string]any{}}}}
		b, _ := json.Marshal(req)
		in.Write(append(b, '\n'))
		n := 0
		for sc.Scan() {
			line := sc.Text()
			println("LINE", line[:min(len(line), 150)])
			if strings.Contains(line, "notifications/progress") {
				n++
				continue
			}
			if strings.Contains(line, `"id":`) && !strings.Contains(line, `"method"`) {
				break
			}
			t.Logf("other: %.200s", line)
		}
		t.Logf("call %d: %d progress", i, n)
	}
}
