// httpload writes an execution trace of an HTTP server under load, for the parse
// and load benchmarks: what people attach to issues about slow services.
//
// An in-process server on loopback answers requests from many keep-alive client
// goroutines. Each request runs in a runtime/trace task with regions and logs,
// fans out to short-lived backend goroutines and waits for them. Beside it, many
// long-lived session goroutines sit blocked on channels and wake now and then, so
// the trace holds tens of thousands of goroutines at once (every generation lists
// them all) as well as a stream of new ones.
//
// Usage: httpload OUT.trace TARGET_BYTES [CLIENTS] [SESSIONS]
// It runs until the trace file reaches TARGET_BYTES.
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/trace"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

var sink atomic.Uint64

func work(n int) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < n; i++ {
		h ^= uint64(i)
		h *= 1099511628211
	}
	return h
}

func handler(w http.ResponseWriter, r *http.Request) {
	ctx, task := trace.NewTask(r.Context(), "request")
	defer task.End()
	trace.Log(ctx, "path", r.URL.Path)
	var size int
	trace.WithRegion(ctx, "decode", func() {
		size, _ = strconv.Atoi(r.URL.Query().Get("n"))
		sink.Add(work(200))
	})
	var wg sync.WaitGroup
	results := make([]uint64, 3)
	trace.WithRegion(ctx, "fanout", func() {
		for i := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				trace.WithRegion(ctx, "backend", func() {
					if i == 0 {
						time.Sleep(50 * time.Microsecond)
					}
					results[i] = work(300 + size%100)
				})
			}()
		}
		wg.Wait()
	})
	trace.WithRegion(ctx, "encode", func() {
		fmt.Fprintf(w, "%d %d %d\n", results[0], results[1], results[2])
	})
}

// session is a long-lived goroutine, mostly blocked, woken by a ticker fan-out.
func session(ctx context.Context, wake <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-wake:
			sink.Add(work(20))
		}
	}
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: httpload OUT.trace TARGET_BYTES [CLIENTS] [SESSIONS]")
		os.Exit(2)
	}
	target, _ := strconv.ParseInt(os.Args[2], 10, 64)
	clients, sessions := 1500, 20000
	if len(os.Args) > 3 {
		clients, _ = strconv.Atoi(os.Args[3])
	}
	if len(os.Args) > 4 {
		sessions, _ = strconv.Atoi(os.Args[4])
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(handler)}
	go srv.Serve(ln)

	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	// Sessions: blocked goroutines woken a group at a time (sessions/groups of them, one
	// token each, every 2 ms).
	const groups = 50
	per := sessions/groups + 1
	wakes := make([]chan struct{}, groups)
	for i := range wakes {
		wakes[i] = make(chan struct{}, per)
	}
	var bg sync.WaitGroup
	for i := 0; i < sessions; i++ {
		bg.Add(1)
		go func() { defer bg.Done(); session(ctx, wakes[i%groups]) }()
	}
	bg.Add(1)
	go func() {
		defer bg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for k := 0; ; k++ {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			fill:
				for j := 0; j < per; j++ {
					select {
					case wakes[k%groups] <- struct{}{}:
					default:
						break fill
					}
				}
			}
		}
	}()

	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr}
	url := "http://" + ln.Addr().String() + "/item"
	for c := 0; c < clients; c++ {
		bg.Add(1)
		go func() {
			defer bg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				req, _ := http.NewRequestWithContext(ctx, "GET", url+"?n="+strconv.Itoa(c*7+i), nil)
				resp, err := client.Do(req)
				if err != nil {
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}

	for {
		time.Sleep(20 * time.Millisecond)
		if st, err := f.Stat(); err == nil && st.Size() >= target {
			break
		}
	}
	trace.Stop()
	f.Close()
	cancel()
	srv.Close()
	tr.CloseIdleConnections()
	bg.Wait()
}
