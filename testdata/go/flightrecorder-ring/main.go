// flightrecorder-ring: a FlightRecorder with a small window (MinAge 30 ms,
// MaxBytes 16 KiB) over a run of ~250 ms in which generations advance every
// ~10 ms, so the ring has evicted old generations by the time of the
// snapshot and the snapshot holds several whole generations.
//
// kind: FlightRecorder.WriteTo
// env: GODEBUG=traceadvanceperiod=10000000
package main

import (
	"runtime/trace"
	"sync"
	"time"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{
		MinAge:   30 * time.Millisecond,
		MaxBytes: 16 << 10,
	})
	tracefile.Check(fr.Start())
	tick := time.NewTicker(2 * time.Millisecond)
	var wg sync.WaitGroup
	for i := 0; i < 120; i++ {
		<-tick.C
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := 0
			for j := 0; j < 5000*(i%4+1); j++ {
				s += j
			}
			_ = s
		}()
	}
	tick.Stop()
	wg.Wait()
	f := tracefile.Create()
	_, err := fr.WriteTo(f)
	tracefile.Check(err)
	fr.Stop()
	tracefile.Check(f.Close())
}
