// gomaxprocs: GOMAXPROCS changes at run time (each one stops the world and
// brings Ps up or down) while goroutines keep working.
package main

import (
	"runtime"
	"sync"
	"sync/atomic"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	runtime.GOMAXPROCS(2)
	tracefile.Run(func() {
		var stop atomic.Bool
		var wg sync.WaitGroup
		for i := 0; i < 4; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				x := 0
				for !stop.Load() {
					x++
					if x%100_000 == 0 {
						runtime.Gosched()
					}
				}
			}()
		}
		for _, n := range []int{4, 1, 3, 2} {
			runtime.GOMAXPROCS(n)
			spin(300_000)
		}
		stop.Store(true)
		wg.Wait()
	})
}

func spin(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i & 7
	}
	return s
}
