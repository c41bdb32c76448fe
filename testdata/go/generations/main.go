// generations: trace.Start and a FlightRecorder run at once (the runtime
// multiplexes one tracer to both). Each FlightRecorder.WriteTo forces a
// generation advance, so the trace.Start output spans several generations
// within a short run.
package main

import (
	"io"
	"runtime/trace"
	"sync"
	"time"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{MinAge: time.Second, MaxBytes: 1 << 20})
		tracefile.Check(fr.Start())
		for round := 0; round < 5; round++ {
			var wg sync.WaitGroup
			ch := make(chan int)
			for i := 0; i < 4; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ch <- i
				}()
			}
			for i := 0; i < 4; i++ {
				<-ch
			}
			wg.Wait()
			_, err := fr.WriteTo(io.Discard)
			tracefile.Check(err)
		}
		fr.Stop()
	})
}
