// modelload writes a large real Go execution trace for the timeline model bench: a busy mix of
// what the model stores — goroutines created and ended, channel hand-offs (block/unblock),
// a contended mutex, timers, file syscalls, allocation that keeps the GC and its assists
// busy, and user tasks with nested regions and logs — running under runtime/trace until the
// trace file reaches the size asked for.
//
// Usage: modelload OUT.trace TARGET_BYTES
package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime/trace"
	"strconv"
	"sync"
	"time"
)

var (
	sink []byte
	mu   sync.Mutex
	hits = map[int]int{}
)

// pipeline passes numbers from a producer to a consumer over an unbuffered channel.
func pipeline(done <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	ch := make(chan int)
	go func() {
		for v := range ch {
			mu.Lock()
			hits[v%64]++
			mu.Unlock()
		}
	}()
	for i := 0; ; i++ {
		select {
		case <-done:
			close(ch)
			return
		default:
		}
		ch <- i
		sink = make([]byte, 128+i%512)
	}
}

// requests runs user tasks with nested regions, short-lived helpers and a log now and then.
func requests(done <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	for id := 0; ; id++ {
		select {
		case <-done:
			return
		default:
		}
		ctx, task := trace.NewTask(context.Background(), "request")
		trace.WithRegion(ctx, "handle", func() {
			var inner sync.WaitGroup
			for j := 0; j < 3; j++ {
				inner.Add(1)
				go func() {
					defer inner.Done()
					trace.WithRegion(ctx, "work", func() { time.Sleep(time.Microsecond) })
				}()
			}
			inner.Wait()
			if id%50 == 0 {
				trace.Log(ctx, "progress", strconv.Itoa(id))
			}
		})
		task.End()
	}
}

// syscalls writes and syncs a small file, so goroutines enter and leave syscalls.
func syscalls(done <-chan struct{}, wg *sync.WaitGroup, dir string) {
	defer wg.Done()
	f, err := os.Create(filepath.Join(dir, "scratch"))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	for {
		select {
		case <-done:
			return
		default:
		}
		f.WriteAt([]byte("flightdeck"), 0)
		f.Sync()
	}
}

func main() {
	target, _ := strconv.ParseInt(os.Args[2], 10, 64)
	out, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "modelload")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := trace.Start(out); err != nil {
		panic(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go pipeline(done, &wg)
	}
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go requests(done, &wg)
	}
	wg.Add(1)
	go syscalls(done, &wg, dir)
	for {
		time.Sleep(20 * time.Millisecond)
		if st, err := out.Stat(); err == nil && st.Size() >= target {
			break
		}
	}
	close(done)
	wg.Wait()
	trace.Stop()
	out.Close()
}
