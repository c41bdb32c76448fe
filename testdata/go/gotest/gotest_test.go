// Package gotest is a tiny test package run with `go test -trace` to get
// the kind of trace the go command writes (the test binary traces itself).
package gotest

import (
	"sync"
	"testing"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func TestFib(t *testing.T) {
	if got := fib(20); got != 6765 {
		t.Fatalf("fib(20) = %d", got)
	}
}

func TestParallel(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = fib(15 + i)
		}()
	}
	wg.Wait()
}
