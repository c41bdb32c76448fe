// blocking: goroutines blocking on unbuffered channels, select, a contended
// sync.Mutex, sync.Cond and time.Sleep, so the trace has the block reasons
// and unblock edges a viewer draws as flows.
package main

import (
	"sync"
	"time"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		var wg sync.WaitGroup

		// Ping-pong over unbuffered channels.
		ping, pong := make(chan int), make(chan int)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range ping {
				pong <- v + 1
			}
			close(pong)
		}()
		for i := 0; i < 50; i++ {
			ping <- i
			<-pong
		}
		close(ping)
		<-pong

		// A contended mutex: holders sleep while others wait.
		var mu sync.Mutex
		counter := 0
		for i := 0; i < 4; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := 0; j < 20; j++ {
					mu.Lock()
					counter++
					time.Sleep(50 * time.Microsecond)
					mu.Unlock()
				}
			}()
		}

		// sync.Cond broadcast.
		var cmu sync.Mutex
		cond := sync.NewCond(&cmu)
		ready := false
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmu.Lock()
				for !ready {
					cond.Wait()
				}
				cmu.Unlock()
			}()
		}
		time.Sleep(time.Millisecond)
		cmu.Lock()
		ready = true
		cond.Broadcast()
		cmu.Unlock()

		// select with a timeout that fires and one that does not.
		never := make(chan int)
		select {
		case <-never:
		case <-time.After(2 * time.Millisecond):
		}
		wg.Wait()
	})
}
