// xexpparse reads a Go trace with golang.org/x/exp/trace (Go's parser as a
// library) and prints how fast it went, for a side-by-side comparison with
// our parser:
//
//	events=N bytes=B seconds=S mbps=X eventsps=Y cpuseconds=C maxrss=R
//
// seconds is wall time; cpuseconds the CPU time of the same run (all threads); maxrss the
// peak resident memory of the process in bytes (the file's bytes included).
//
// Usage: go run ./xexpparse [-n RUNS] FILE. With -n, the file is parsed RUNS
// times from memory and the fastest run is reported (file I/O excluded).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"golang.org/x/exp/trace"
)

func parse(data []byte) (int, error) {
	r, err := trace.NewReader(bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		_, err := r.ReadEvent()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

func main() {
	runs := flag.Int("n", 1, "parse the file this many times and report the fastest run")
	flag.Parse()
	if flag.NArg() != 1 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: xexpparse [-n RUNS] FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	best := time.Duration(-1)
	bestCPU := time.Duration(-1)
	events := 0
	for i := 0; i < *runs; i++ {
		c0 := cpuTime()
		start := time.Now()
		n, err := parse(data)
		d := time.Since(start)
		c := cpuTime() - c0
		if bestCPU < 0 || c < bestCPU {
			bestCPU = c
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(1)
		}
		events = n
		if best < 0 || d < best {
			best = d
		}
	}
	secs := best.Seconds()
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Printf("events=%d bytes=%d seconds=%.6f mbps=%.2f eventsps=%.0f cpuseconds=%.6f maxrss=%d\n",
		events, len(data), secs, float64(len(data))/1e6/secs, float64(events)/secs, bestCPU.Seconds(), ru.Maxrss*1024)
}

// cpuTime is the CPU time this process has used so far, all threads (the collector runs
// beside the parser on other threads; its work counts).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
