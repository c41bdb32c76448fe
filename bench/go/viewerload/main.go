// viewerload writes a large real Go execution trace for the viewer bench: a request-serving
// program (an acceptor handing requests to short-lived handler goroutines, a worker pool fed
// by a channel, a contended mutex, timers, allocation that keeps the GC busy) with user tasks,
// regions and logs, so every lane of a timeline has something in it. It runs under
// runtime/trace until the trace file reaches the size asked for.
//
// Usage: viewerload OUT.trace TARGET_BYTES
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

var (
	sink    [][]byte
	sinkMu  sync.Mutex
	cache   = map[int]int{}
	cacheMu sync.Mutex
)

// handle serves one request: a task with a parse region, a cache lookup under a shared mutex,
// a hand-off to the worker pool and a wait for its answer.
func handle(ctx context.Context, id int, jobs chan<- job) {
	ctx, task := trace.NewTask(ctx, "request")
	defer task.End()
	trace.WithRegion(ctx, "parse", func() {
		buf := make([]byte, 512+id%2048)
		for i := range buf {
			buf[i] = byte(i * id)
		}
		sinkMu.Lock()
		sink = append(sink, buf)
		if len(sink) > 256 {
			sink = sink[:0]
		}
		sinkMu.Unlock()
	})
	trace.WithRegion(ctx, "cache", func() {
		cacheMu.Lock()
		cache[id%1000]++
		cacheMu.Unlock()
	})
	reply := make(chan int)
	trace.WithRegion(ctx, "backend", func() {
		jobs <- job{id: id, reply: reply}
		<-reply
	})
	if id%97 == 0 {
		trace.Logf(ctx, "slow", "request %d took the slow path", id)
		time.Sleep(200 * time.Microsecond)
	}
}

type job struct {
	id    int
	reply chan int
}

func worker(jobs <-chan job) {
	for j := range jobs {
		x := j.id
		for i := 0; i < 2000; i++ {
			x = x*1664525 + 1013904223
		}
		j.reply <- x
	}
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: viewerload OUT.trace TARGET_BYTES")
		os.Exit(2)
	}
	target, err := strconv.ParseInt(os.Args[2], 10, 64)
	if err != nil {
		panic(err)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	jobs := make(chan job, 64)
	var workers sync.WaitGroup
	for w := 0; w < 6; w++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			worker(jobs)
		}()
	}
	var stop atomic.Bool
	var acceptors sync.WaitGroup
	for a := 0; a < 4; a++ {
		acceptors.Add(1)
		go func(a int) {
			defer acceptors.Done()
			ctx := context.Background()
			var inflight sync.WaitGroup
			for id := a; !stop.Load(); id += 4 {
				inflight.Add(1)
				go func(id int) {
					defer inflight.Done()
					handle(ctx, id, jobs)
				}(id)
				if id%64 == 0 {
					inflight.Wait()
				}
			}
			inflight.Wait()
		}(a)
	}
	// A ticker goroutine: timers and a periodic wake-up, like a metrics flusher.
	tickDone := make(chan struct{})
	go func() {
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
			case <-tickDone:
				return
			}
		}
	}()
	for {
		time.Sleep(20 * time.Millisecond)
		if st, err := f.Stat(); err == nil && st.Size() >= target {
			break
		}
	}
	stop.Store(true)
	acceptors.Wait()
	close(jobs)
	workers.Wait()
	close(tickDone)
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}
