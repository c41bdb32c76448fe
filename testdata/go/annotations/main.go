// annotations: user tasks (nested, and one ended on another goroutine),
// regions (nested, and one still open when tracing stops) and logs.
package main

import (
	"context"
	"runtime/trace"
	"sync"
	"time"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		ctx, job := trace.NewTask(context.Background(), "job")
		trace.Log(ctx, "phase", "start")
		var wg sync.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sub, task := trace.NewTask(ctx, "step")
				defer task.End()
				trace.WithRegion(sub, "compute", func() {
					trace.WithRegion(sub, "inner", func() {
						time.Sleep(100 * time.Microsecond)
					})
					trace.Logf(sub, "result", "step %d done", i)
				})
			}()
		}
		wg.Wait()
		trace.Log(ctx, "", "a log without a category")

		// A task started here and ended on another goroutine.
		_, handoff := trace.NewTask(ctx, "handoff")
		done := make(chan struct{})
		go func() {
			handoff.End()
			close(done)
		}()
		<-done
		job.End()

		// A region left open when tracing stops.
		region := trace.StartRegion(context.Background(), "unfinished")
		_ = region
	})
}
