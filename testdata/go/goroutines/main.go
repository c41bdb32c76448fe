// goroutines: many short-lived goroutines (creation, blocking on a shared
// channel, wake-ups, exit) to exercise goroutine IDs and status events.
package main

import (
	"sync"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		const n = 1000
		start := make(chan struct{})
		var wg sync.WaitGroup
		results := make(chan int, n)
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				results <- i * i
			}()
		}
		close(start)
		wg.Wait()
		close(results)
		total := 0
		for r := range results {
			total += r
		}
		_ = total
	})
}
