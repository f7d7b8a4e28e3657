package gateway

// HeadIDForTest exposes headID to the external tests' fuzzer.
var HeadIDForTest = headID
