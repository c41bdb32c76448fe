// goexit: runtime.Goexit (deferred calls run, the goroutine ends without
// returning), LockOSThread, and a locked goroutine that exits while still
// locked (its thread is torn down with it).
package main

import (
	"runtime"
	"sync"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.Goexit()
		}()
		wg.Wait()

		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			ch := make(chan int)
			go func() { ch <- 1 }()
			<-ch
		}()
		wg.Wait()

		done := make(chan struct{})
		go func() {
			defer close(done)
			runtime.LockOSThread()
			// Exiting while locked terminates this goroutine's thread.
		}()
		<-done
		runtime.Gosched()
	})
}
