package audit

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/warden-mcp/warden/internal/store"
)

// Report is the outcome of Verify.
type Report struct {
	OK       bool   `json:"ok"`
	Records  int64  `json:"records"`   // records whose links checked out
	HeadSeq  int64  `json:"head_seq"`  // last good record
	HeadHash string `json:"head_hash"` // hex hash of the last good record
	Break    *Break `json:"break,omitempty"`
}

// Break describes the first broken link.
type Break struct {
	Seq      int64  `json:"seq"`
	Problem  string `json:"problem"`
	Expected string `json:"expected"`
	Got      string `json:"got"`
}

func (r Report) String() string {
	if r.OK {
		return fmt.Sprintf("audit chain OK: %d records, head seq %d hash %s", r.Records, r.HeadSeq, r.HeadHash)
	}
	return fmt.Sprintf("audit chain BROKEN at seq %d: %s (expected %s, got %s); %d records verified before it",
		r.Break.Seq, r.Break.Problem, r.Break.Expected, r.Break.Got, r.Records)
}

var errBroken = errors.New("broken")

// Verify walks the whole chain from seq 1 and reports the first broken
// link: a missing or out-of-order record, a prev_hash that does not match
// the previous record, or a hash that does not match the record's contents.
// The error is only for failures to read the store; a broken chain is
// reported in Report with OK false.
//
// A chain rewritten from some point on with recomputed hashes, or cut short
// at the end (even to nothing: an empty chain verifies), still verifies:
// VerifyWithCopy compares it with the mirror or another copy kept
// elsewhere, which detects that.
func Verify(ctx context.Context, st store.AuditStore) (Report, error) {
	var rep Report
	var prev store.AuditRecord
	err := st.ScanAudit(ctx, 1, func(r store.AuditRecord) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		var b *Break
		switch {
		case r.Seq != prev.Seq+1:
			problem := "record missing"
			if r.Seq <= prev.Seq {
				problem = "record out of order"
			}
			b = &Break{Seq: prev.Seq + 1, Problem: problem,
				Expected: fmt.Sprintf("seq %d", prev.Seq+1), Got: fmt.Sprintf("seq %d", r.Seq)}
		case !bytes.Equal(r.PrevHash, prev.Hash):
			b = &Break{Seq: r.Seq, Problem: "prev_hash does not match the previous record's hash",
				Expected: hexOrNone(prev.Hash), Got: hexOrNone(r.PrevHash)}
		default:
			if want := Hash(prev.Hash, r.Seq, r.Time, r.Data); !bytes.Equal(want, r.Hash) {
				b = &Break{Seq: r.Seq, Problem: "hash does not match the record's contents (record altered)",
					Expected: hex.EncodeToString(want), Got: hexOrNone(r.Hash)}
			}
		}
		if b != nil {
			rep.Break = b
			return errBroken
		}
		rep.Records++
		prev = r
		return nil
	})
	rep.HeadSeq, rep.HeadHash = prev.Seq, hex.EncodeToString(prev.Hash)
	if errors.Is(err, errBroken) {
		return rep, nil
	}
	if err != nil {
		return rep, fmt.Errorf("audit: verifying chain: %w", err)
	}
	rep.OK = true
	return rep, nil
}

func hexOrNone(b []byte) string {
	if len(b) == 0 {
		return "(none)"
	}
	return hex.EncodeToString(b)
}

// VerifyWithCopy verifies the chain as Verify does, then compares it with
// entries kept outside the store: the mirror file (Options.Mirror) or the
// output of `tail --json`, one Entry per line in ascending seq. Every entry
// must be in the store with the same hash, and the store must reach the
// last one. This catches what Verify alone cannot: a chain cut short at the
// end (also to nothing), or rewritten from some point with recomputed
// hashes. Only seq and hash of each entry are used. The error is for
// failures to read the store or a malformed copy.
func VerifyWithCopy(ctx context.Context, st store.AuditStore, copyOf io.Reader) (Report, error) {
	rep, err := Verify(ctx, st)
	if err != nil || !rep.OK {
		return rep, err
	}
	sc := bufio.NewScanner(copyOf)
	sc.Buffer(make([]byte, 64<<10), 64<<20) // an event carries at most a few MiB of details
	line := 0
	var want Entry
	next := func() (bool, error) {
		prev := want.Seq
		for sc.Scan() {
			line++
			if len(bytes.TrimSpace(sc.Bytes())) == 0 {
				continue
			}
			want = Entry{}
			if err := json.Unmarshal(sc.Bytes(), &want); err != nil || want.Seq <= prev || want.Hash == "" {
				return false, fmt.Errorf("audit: copy line %d: expected an entry with a seq above %d and a hash", line, prev)
			}
			return true, nil
		}
		if err := sc.Err(); err != nil {
			return false, fmt.Errorf("audit: reading copy: %w", err)
		}
		return false, nil
	}
	more, err := next()
	if err != nil || !more {
		return rep, err
	}
	broken := func(b *Break) (Report, error) {
		rep.OK, rep.Break = false, b
		return rep, nil
	}
	if want.Seq > rep.HeadSeq {
		return broken(&Break{Seq: rep.HeadSeq + 1, Problem: "record missing: the copy has records the store does not (log truncated)",
			Expected: fmt.Sprintf("seq %d", want.Seq), Got: fmt.Sprintf("store ends at seq %d", rep.HeadSeq)})
	}
	var b *Break
	var readErr error
	err = st.ScanAudit(ctx, want.Seq, func(r store.AuditRecord) error {
		if r.Seq < want.Seq {
			return nil
		}
		if r.Seq > want.Seq { // cannot follow a passing Verify, but never pass it
			b = &Break{Seq: want.Seq, Problem: "record missing: the copy has a record the store does not",
				Expected: fmt.Sprintf("seq %d", want.Seq), Got: fmt.Sprintf("seq %d", r.Seq)}
			return errBroken
		}
		if got := hex.EncodeToString(r.Hash); got != want.Hash {
			b = &Break{Seq: r.Seq, Problem: "hash differs from the copy kept outside the store (chain rewritten)",
				Expected: want.Hash, Got: got}
			return errBroken
		}
		more, readErr = next()
		if readErr != nil {
			return readErr
		}
		if !more {
			return errStop
		}
		return nil
	})
	switch {
	case b != nil:
		return broken(b)
	case readErr != nil:
		return rep, readErr
	case err != nil && !errors.Is(err, errStop):
		return rep, fmt.Errorf("audit: verifying chain against copy: %w", err)
	case more && err == nil:
		// The scan ended before the copy did: the store was cut short
		// between Verify and now, or the copy has records past the head.
		return broken(&Break{Seq: want.Seq, Problem: "record missing: the copy has records the store does not (log truncated)",
			Expected: fmt.Sprintf("seq %d", want.Seq), Got: "no such record"})
	}
	return rep, nil
}

var errStop = errors.New("stop")
