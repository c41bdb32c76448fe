// flightrecorder: a runtime/trace.FlightRecorder (Go 1.25+ API) runs over a
// bursty workload; its snapshot (WriteTo) is the output. WriteTo also forces
// a generation advance, so the snapshot ends on a fresh boundary.
//
// kind: FlightRecorder.WriteTo
package main

import (
	"sync"
	"time"

	"runtime/trace"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{
		MinAge:   200 * time.Millisecond,
		MaxBytes: 256 << 10,
	})
	tracefile.Check(fr.Start())
	for burst := 0; burst < 6; burst++ {
		var wg sync.WaitGroup
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				buf := make([]byte, 0, 64)
				for j := 0; j < 2000; j++ {
					buf = append(buf[:0], byte(j), byte(i))
				}
			}()
		}
		wg.Wait()
		time.Sleep(20 * time.Millisecond)
	}
	f := tracefile.Create()
	_, err := fr.WriteTo(f)
	tracefile.Check(err)
	fr.Stop()
	tracefile.Check(f.Close())
}
