package dbg

import (
	"fmt"
	"os"
	"testing"

	"github.com/warden-mcp/warden/internal/detect"
)

func TestDump(t *testing.T) {
	b, _ := os.ReadFile("/tmp/dbg/p.bin")
	m, err := detect.LoadModel(b)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("bias", m.Bias)
	for _, s := range []string{"echo tool. echoes back the input string", "stop a port-forward process", "Reads a file at the given path and returns its contents as a string.", "hello"} {
		tx := detect.TextForClassifier(s)
		fmt.Println(m.Prob(detect.Features(nil, tx, m.Bits)), s)
		for _, c := range m.Explain(tx, 8) {
			fmt.Printf("   %s %.3f\n", c.Feature, c.Weight)
		}
	}
}
