// cpuprofile: CPU profiling (to io.Discard) runs while tracing, so the
// trace holds CPU sample batches with stacks.
package main

import (
	"io"
	"runtime/pprof"
	"sync"
	"time"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		tracefile.Check(pprof.StartCPUProfile(io.Discard))
		var wg sync.WaitGroup
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				burn(60 * time.Millisecond)
			}()
		}
		wg.Wait()
		pprof.StopCPUProfile()
	})
}

//go:noinline
func burn(d time.Duration) uint64 {
	end := time.Now().Add(d)
	var x uint64 = 1
	for time.Now().Before(end) {
		for i := 0; i < 1000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	return x
}
