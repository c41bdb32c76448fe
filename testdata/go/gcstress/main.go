// gcstress: allocation churn under a low GOGC so several GC cycles run
// while tracing: GC/STW ranges, sweeps, mark assists, heap metrics.
// runtime.GC() is avoided inside the traced part: while it waits for the
// sweep to finish it yields in a loop, which floods the trace with
// thousands of GoStart/GoStop pairs.
package main

import (
	"runtime"
	"runtime/debug"
	"sync"

	"flightdeck/testdata/internal/tracefile"
)

var sink [][]byte

func main() {
	runtime.GC()
	debug.SetGCPercent(10)
	tracefile.Run(func() {
		var wg sync.WaitGroup
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var local [][]byte
				for i := 0; i < 1500; i++ {
					local = append(local, make([]byte, 4096))
					if len(local) > 200 {
						local = local[:0]
					}
				}
				_ = local
			}()
		}
		for i := 0; i < 3; i++ {
			sink = append(sink, make([]byte, 1<<20))
		}
		wg.Wait()
		sink = nil
	})
}
