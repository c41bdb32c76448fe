// Package tracefile holds the few lines every trace-writing program shares:
// open the output named on the command line, trace a workload into it, and
// fail loudly so the regeneration script notices.
package tracefile

import (
	"fmt"
	"os"
	"runtime/trace"
)

// Path returns the output file named by the first command-line argument.
func Path() string {
	if len(os.Args) < 2 {
		fmt.Fprintf(os.Stderr, "usage: %s OUTPUT.trace\n", os.Args[0])
		os.Exit(2)
	}
	return os.Args[1]
}

// Create opens the output file for writing, exiting on failure.
func Create() *os.File {
	f, err := os.Create(Path())
	Check(err)
	return f
}

// Run traces work with trace.Start/Stop into the output file.
func Run(work func()) {
	f := Create()
	Check(trace.Start(f))
	work()
	trace.Stop()
	Check(f.Close())
}

// Check exits the program when err is not nil.
func Check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
