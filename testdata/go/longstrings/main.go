// longstrings: user-annotation strings longer than the tracer's 1 KiB limit
// for string data. The runtime cuts them to 1024 bytes. Go 1.27 cuts a
// string before looking it up in the trace's string table, Go 1.26 only when
// writing it (runtime/tracestring.go), so two long region names that differ
// only after byte 1024 get one string ID from Go 1.27 but two IDs with equal
// contents from Go 1.26.
package main

import (
	"context"
	"runtime/trace"
	"strings"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		ctx := context.Background()
		long := strings.Repeat("0123456789abcdef", 64) // exactly 1024 bytes
		ctx, task := trace.NewTask(ctx, "task-"+long)
		trace.WithRegion(ctx, long+"-first", func() {})
		trace.WithRegion(ctx, long+"-second", func() {})
		trace.WithRegion(ctx, long+"-first", func() {})
		trace.Log(ctx, "category-"+long, "message-"+long+long)
		trace.Log(ctx, "short", strings.Repeat("x", 1500))
		task.End()
	})
}
