// busyload writes a large real Go execution trace of a busy scheduler workload for the benches:
// eight producers each feeding a consumer goroutine over an unbuffered channel, allocating as
// they go, and now and then starting four short sleepers and waiting for them. Almost every
// event is a goroutine state change (start, block, unblock), the densest kind of trace. It runs
// under runtime/trace until the trace file reaches the size asked for. (The same workload as
// the one bench/parse.bench.ts writes.)
//
// Usage: busyload OUT.trace TARGET_BYTES
package main

import (
	"os"
	"runtime/trace"
	"strconv"
	"sync"
	"time"
)

var sink []byte

// main runs the workload under the tracer until the trace file reaches the target size.
func main() {
	target, _ := strconv.ParseInt(os.Args[2], 10, 64)
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	var stop sync.WaitGroup
	done := make(chan struct{})
	for w := 0; w < 8; w++ {
		stop.Add(1)
		go func() {
			defer stop.Done()
			ch := make(chan int)
			go func() {
				for range ch {
				}
			}()
			for {
				select {
				case <-done:
					close(ch)
					return
				default:
				}
				for i := 0; i < 100; i++ {
					ch <- i
					sink = make([]byte, 256)
				}
				var inner sync.WaitGroup
				for j := 0; j < 4; j++ {
					inner.Add(1)
					go func() { defer inner.Done(); time.Sleep(time.Microsecond) }()
				}
				inner.Wait()
			}
		}()
	}
	for {
		time.Sleep(20 * time.Millisecond)
		if st, err := f.Stat(); err == nil && st.Size() >= target {
			break
		}
	}
	close(done)
	stop.Wait()
	trace.Stop()
	f.Close()
}
