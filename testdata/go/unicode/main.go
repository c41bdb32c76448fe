// unicode: task, region and log names holding characters Unicode assigned after 15.0:
// U+2EBF0 (CJK Extension I, Unicode 15.1), U+1CC00 and U+1FAE9 (Unicode 16.0). Go 1.26
// quotes strings with Unicode 15.0 tables and escapes them (\U0002ebf0); Go 1.27, with Unicode
// 17.0 tables, prints them as they are. So its -d=parsed and -d=wire dumps differ between the
// two toolchains, for the same trace. Also: characters both print (é, 日本), one neither does
// (unassigned U+0378), and a format character both escape (U+200B).
// cross-dump: every toolchain dumps every toolchain's trace of this program.
package main

import (
	"context"
	"runtime/trace"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		ctx, task := trace.NewTask(context.Background(), "task \U0002EBF0 CJK Ext. I")
		trace.Log(ctx, "legacy \U0001CC00", "face \U0001FAE9 tired")
		trace.WithRegion(ctx, "region \U0001FAE9", func() {
			trace.Log(ctx, "both print", "café 日本")
			trace.Log(ctx, "neither prints", "unassigned \u0378, zero width \u200b")
			trace.Log(ctx, "mixed \U0002EBF0", "\U0001CC00\U0001FAE9\U0002EBF0 é")
		})
		task.End()
	})
}
