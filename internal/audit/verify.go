package audit

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"

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
// at the end, still verifies: compare HeadHash with a copy kept elsewhere
// (the mirror, an earlier verify) to detect that.
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
