package transport

import (
	"bufio"
	"errors"
	"strings"
	"testing"
)

func TestMessageID(t *testing.T) {
	big := strings.Repeat("x", 2000)
	tests := []struct {
		name, msg, want string
	}{
		{"id first (pydantic)", `{"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"` + big + `"}]}}`, "42"},
		{"id last (TypeScript SDK)", `{"result":{"content":[{"type":"text","text":"` + big + `"}]},"jsonrpc":"2.0","id":42}`, "42"},
		{"string id last", `{"result":{"x":"` + big + `"},"jsonrpc":"2.0","id":"w-7"}` + "\r\n", `"w-7"`},
		{"id after a small nested value", `{"jsonrpc":"2.0","meta":{"a":[1,2,{"id":9}]},"id":5,"result":"` + big + `"}`, "5"},
		{"a nested id at the end is not the message's", `{"jsonrpc":"2.0","result":{"items":[{"id":3}],"x":"` + big + `","last":{"id":9}}}`, ""},
		{"no id", `{"jsonrpc":"2.0","method":"notifications/message","params":{"data":"` + big + `"}}`, ""},
		{"not JSON", big, ""},
		{"negative id", `{"id":-3,"result":"` + big + `"}`, "-3"},
		{"null id", `{"id":null,"error":{"message":"` + big + `"}}`, ""},
		{"a request of the upstream's, method first", `{"method":"sampling/createMessage","params":{"x":"` + big + `"},"jsonrpc":"2.0","id":42}`, ""},
		{"a request of the upstream's, id first", `{"jsonrpc":"2.0","id":42,"method":"sampling/createMessage","params":{"x":"` + big + `"}}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			head, tail := tc.msg[:min(len(tc.msg), idProbe)], tc.msg[max(0, len(tc.msg)-idProbe):]
			if got := string(messageID([]byte(head), []byte(tail))); got != tc.want {
				t.Errorf("messageID = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestReadBoundedLineTooLarge: an oversized line reports its size and id,
// and the next line is read normally.
func TestReadBoundedLineTooLarge(t *testing.T) {
	big := `{"result":{"text":"` + strings.Repeat("y", 300000) + `"},"jsonrpc":"2.0","id":17}`
	br := bufio.NewReaderSize(strings.NewReader(big+"\n"+`{"jsonrpc":"2.0","id":18,"result":{}}`+"\n"), 64<<10)
	_, err := readBoundedLine(br, 4096)
	var tl *TooLargeError
	if !errors.As(err, &tl) || !errors.Is(err, ErrMessageTooLarge) {
		t.Fatalf("err = %v, want a *TooLargeError", err)
	}
	if tl.Size != int64(len(big)) || tl.Limit != 4096 || string(tl.ID) != "17" {
		t.Errorf("TooLargeError %+v (id %s), want size %d, limit 4096, id 17", tl, tl.ID, len(big))
	}
	line, err := readBoundedLine(br, 4096)
	if err != nil || !strings.Contains(string(line), `"id":18`) {
		t.Fatalf("next line %q, %v", line, err)
	}
}

func FuzzMessageID(f *testing.F) {
	f.Add([]byte(`{"jsonrpc":"2.0","id":1,"result":`), []byte(`"},"id":7}`))
	f.Add([]byte(`{"a":{"b":[`), []byte(`]}}`))
	f.Fuzz(func(t *testing.T, head, tail []byte) {
		id := messageID(head, tail)
		if id == nil {
			return
		}
		if c := id[0]; c != '"' && c != '-' && (c < '0' || c > '9') {
			t.Fatalf("id %q is neither a string nor a number", id)
		}
	})
}
