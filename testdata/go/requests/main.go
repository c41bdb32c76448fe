// requests: a small server-like workload for the analysis pages. Many "request" tasks, each
// with a child "db" task, regions nested inside them (some on goroutines the request starts,
// which inherit its task), blocking inside regions on a contended mutex, a channel and sleep,
// logs with and without a category, and a region begun before tracing starts (its end has no
// begin in the trace). Durations spread over several histogram buckets.
package main

import (
	"context"
	"runtime/trace"
	"sync"
	"time"

	"flightdeck/testdata/internal/tracefile"
)

var mu sync.Mutex

func handle(ctx context.Context, i int, results chan<- int) {
	ctx, task := trace.NewTask(ctx, "request")
	defer task.End()
	trace.Logf(ctx, "path", "/item/%d", i)
	trace.WithRegion(ctx, "decode", func() {
		time.Sleep(time.Duration(i%5) * 20 * time.Microsecond)
	})
	dbCtx, db := trace.NewTask(ctx, "db")
	trace.WithRegion(dbCtx, "query", func() {
		mu.Lock()
		time.Sleep(time.Duration(10+i%7*15) * time.Microsecond)
		mu.Unlock()
	})
	db.End()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		trace.WithRegion(ctx, "render", func() {
			sum := 0
			for k := 0; k < 2000*(1+i%4); k++ {
				sum += k
			}
			results <- sum
		})
	}()
	trace.WithRegion(ctx, "wait", func() { wg.Wait() })
	if i%10 == 0 {
		trace.Log(ctx, "", "slow path")
	}
}

func main() {
	f := tracefile.Create()
	// A region open before tracing starts and ended while tracing.
	early := trace.StartRegion(context.Background(), "startup")
	tracefile.Check(trace.Start(f))
	time.Sleep(200 * time.Microsecond)
	early.End()

	results := make(chan int, 64)
	done := make(chan struct{})
	go func() {
		for range results {
		}
		close(done)
	}()
	var wg sync.WaitGroup
	for i := 0; i < 60; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			handle(context.Background(), i, results)
		}()
		if i%8 == 7 {
			time.Sleep(300 * time.Microsecond)
		}
	}
	wg.Wait()
	close(results)
	<-done
	trace.Stop()
	tracefile.Check(f.Close())
}
