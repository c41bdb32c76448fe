// advanceperiod: a light workload over ~200 ms traced with
// GODEBUG=traceadvanceperiod=20000000 (a new generation every ~20 ms instead
// of every second), so the trace has many ordinary, time-driven generations
// with goroutines blocked across the boundaries.
//
// env: GODEBUG=traceadvanceperiod=20000000
package main

import (
	"sync"
	"time"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		var wg sync.WaitGroup
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		sleeper := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-sleeper // blocked across many generations
		}()
		for i := 0; i < 40; i++ {
			<-tick.C
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(time.Duration(i%3) * time.Millisecond)
			}()
		}
		close(sleeper)
		wg.Wait()
	})
}
