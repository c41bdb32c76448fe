// syscallsteal: goroutines sit in blocking syscalls (nanosleep) long enough
// for sysmon to retake their Ps, while generations advance every 2 ms. This
// aims at ProcSteal events, and at the ProcSyscallAbandoned status the
// runtime writes when it steals a P whose status the new generation has not
// recorded yet (runtime/traceruntime.go ProcSteal); whether that status
// appears in a given run is down to timing.
//
// env: GODEBUG=traceadvanceperiod=2000000
package main

import (
	"sync"
	"sync/atomic"
	"syscall"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		var stop atomic.Bool
		spinDone := make(chan struct{})
		go func() {
			defer close(spinDone)
			x := 0
			for !stop.Load() {
				x++
			}
		}()
		var wg sync.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ts := syscall.Timespec{Nsec: 300_000}
				for j := 0; j < 60; j++ {
					_ = syscall.Nanosleep(&ts, nil)
				}
			}()
		}
		wg.Wait()
		stop.Store(true)
		<-spinDone
	})
}
