// makeprofiles writes a CPU profile and a heap profile with runtime/pprof: the files people
// drop on a trace viewer by mistake. Flightdeck must name them as profiles (for go tool
// pprof), not as broken traces. Usage: go run ./makeprofiles OUTDIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"
)

var sink [][]byte

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: makeprofiles OUTDIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	cpu, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	check(err)
	check(pprof.StartCPUProfile(cpu))
	burn(300 * time.Millisecond)
	pprof.StopCPUProfile()
	check(cpu.Close())

	for i := 0; i < 2000; i++ {
		sink = append(sink, make([]byte, 4096))
	}
	runtime.GC()
	heap, err := os.Create(filepath.Join(dir, "heap.pprof"))
	check(err)
	check(pprof.WriteHeapProfile(heap))
	check(heap.Close())
}

//go:noinline
func burn(d time.Duration) uint64 {
	end := time.Now().Add(d)
	var x uint64 = 1
	for time.Now().Before(end) {
		for i := 0; i < 1000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	return x
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
