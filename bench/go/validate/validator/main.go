//go:build flightdeck_validate

// This program is not built in place: it imports x/exp's internal testtrace
// package, which only code inside golang.org/x/exp/trace may import. The
// launcher in ../main.go copies x/exp's trace packages from the module cache
// into a temporary directory, drops this file in beside them, builds it
// there with -tags flightdeck_validate, and deletes the copy. Nothing of
// x/exp is committed to this repository.
//
// It reads each trace with x/exp/trace and feeds every event to Go's
// testtrace.Validator (the checks Go's own trace tests run), printing
// "ok events=N" or "error: MESSAGE" per file.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/exp/trace"
	"golang.org/x/exp/trace/internal/testtrace"
)

func check(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r, err := trace.NewReader(f)
	if err != nil {
		return 0, err
	}
	v := testtrace.NewValidator()
	n := 0
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if err := v.Event(ev); err != nil {
			msg := strings.ReplaceAll(err.Error(), "\n", "; ")
			return n, fmt.Errorf("event %d (%v at %d): %s", n, ev.Kind(), ev.Time(), msg)
		}
		n++
	}
}

func main() {
	failed := false
	for _, path := range os.Args[1:] {
		prefix := ""
		if len(os.Args) > 2 {
			prefix = path + ": "
		}
		n, err := check(path)
		if err != nil {
			fmt.Printf("%serror: %v\n", prefix, err)
			failed = true
			continue
		}
		fmt.Printf("%sok events=%d\n", prefix, n)
	}
	if failed {
		os.Exit(1)
	}
}
