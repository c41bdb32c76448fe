// basic: trace.Start around a small workload (a few goroutines summing
// numbers and joining on a WaitGroup). The simplest real trace.
package main

import (
	"sync"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		var wg sync.WaitGroup
		sums := make([]int, 4)
		for i := range sums {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := 0; j < 200_000; j++ {
					sums[i] += j % (i + 3)
				}
			}()
		}
		wg.Wait()
	})
}
