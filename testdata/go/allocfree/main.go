// allocfree: GODEBUG=traceallocfree=1 adds the experimental heap
// alloc/free events (experimental batches, not shown by default viewers).
// The workload is tiny because every span and object gets an event.
//
// env: GODEBUG=traceallocfree=1
package main

import (
	"runtime"
	"runtime/debug"

	"flightdeck/testdata/internal/tracefile"
)

var (
	sink []*[64]byte
	junk []byte
)

func main() {
	runtime.GC()
	debug.SetGCPercent(1)
	tracefile.Run(func() {
		for i := 0; i < 200; i++ {
			sink = append(sink, new([64]byte))
		}
		sink = nil
		// Enough garbage for the low GOGC to start a cycle whose sweep
		// frees the objects above (no runtime.GC(): see gcstress).
		for i := 0; i < 64; i++ {
			junk = make([]byte, 8192)
		}
	})
}
