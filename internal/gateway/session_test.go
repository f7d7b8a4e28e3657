package gateway

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/warden-mcp/warden/internal/mcp"
)

func note(i int) *mcp.Message {
	return mcp.NewNotification(mcp.NotifyMessage, map[string]any{"n": i})
}

func numbersOf(t *testing.T, ms []*mcp.Message) string {
	t.Helper()
	out := ""
	for _, m := range ms {
		var p struct{ N int }
		if err := json.Unmarshal(m.Params, &p); err != nil {
			t.Fatal(err)
		}
		out += fmt.Sprint(p.N, " ")
	}
	return out
}

// The standalone stream's queue keeps order, drops the oldest when a
// client does not read, and puts undelivered messages back in front.
func TestOutboxQueue(t *testing.T) {
	s := newSession("s1", nil, false)
	select {
	case <-s.OutboxReady():
		t.Fatal("a new session's outbox must not be ready")
	default:
	}
	for i := range outboxSize + 3 {
		s.post(note(i))
	}
	<-s.OutboxReady()
	got := s.TakeOutbox()
	if len(got) != outboxSize {
		t.Fatalf("%d queued, want the cap %d", len(got), outboxSize)
	}
	if first := numbersOf(t, got[:2]); first != "3 4 " {
		t.Fatalf("oldest kept %q, want the three oldest dropped", first)
	}
	if s.TakeOutbox() != nil {
		t.Fatal("take must empty the queue")
	}

	s.post(note(100))
	<-s.OutboxReady()
	undelivered := s.TakeOutbox()
	s.post(note(101)) // arrives while the stream is failing
	s.RequeueOutbox(undelivered)
	<-s.OutboxReady()
	if got := numbersOf(t, s.TakeOutbox()); got != "100 101 " {
		t.Fatalf("after requeue %q, want the undelivered message first", got)
	}

	stateless := newSession("", nil, true)
	stateless.post(note(1))
	if stateless.OutboxReady() != nil || stateless.TakeOutbox() != nil {
		t.Fatal("a stateless session has no outbox")
	}
}
