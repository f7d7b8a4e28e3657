package gateway

// HeadIDForTest exposes headID to the external tests' fuzzer.
var HeadIDForTest = headID

// MaxIndexedURIsForTest is the bound on one upstream's routed URIs.
const MaxIndexedURIsForTest = maxIndexedURIs

// IndexedURIsForTest counts the resource URIs routed to server.
func IndexedURIsForTest(g *Gateway, server string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := 0
	for _, owner := range g.resIndex {
		if owner == server {
			n++
		}
	}
	return n
}
