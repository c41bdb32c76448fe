// xexpparse reads a Go trace with golang.org/x/exp/trace (Go's parser as a
// library) and prints how fast it went, for a side-by-side comparison with
// our parser:
//
//	events=N bytes=B seconds=S mbps=X eventsps=Y
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
	events := 0
	for i := 0; i < *runs; i++ {
		start := time.Now()
		n, err := parse(data)
		d := time.Since(start)
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
	fmt.Printf("events=%d bytes=%d seconds=%.6f mbps=%.2f eventsps=%.0f\n",
		events, len(data), secs, float64(len(data))/1e6/secs, float64(events)/secs)
}
