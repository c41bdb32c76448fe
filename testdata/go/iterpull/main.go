// iterpull: iter.Pull turns a push iterator into a coroutine; each next()
// switches goroutines directly (GoSwitch, GoSwitchDestroy in the trace).
package main

import (
	"iter"

	"flightdeck/testdata/internal/tracefile"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	tracefile.Run(func() {
		// Pulled to the end: the coroutine finishes on its own.
		next, stop := iter.Pull(count(20))
		for {
			if _, ok := next(); !ok {
				break
			}
		}
		stop()
		// Stopped early: stop() resumes and ends the coroutine.
		next2, stop2 := iter.Pull(count(100))
		for i := 0; i < 5; i++ {
			next2()
		}
		stop2()
	})
}
