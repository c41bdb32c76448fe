// Command fuzz-seed writes bytes as a Go fuzz corpus file, the way the fuzzer stores a []byte
// input (internal/fuzz/encoding.go marshalCorpusFile: a "go test fuzz v1" line, then the value
// as []byte(%q)). Used to make the project's own fuzz-seed fixtures (scripts/lib/testdata/fuzz).
//
//	go run ./scripts/go/fuzz-seed IN OUT
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: fuzz-seed IN OUT")
		os.Exit(2)
	}
	in, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", in)
	if err := os.WriteFile(os.Args[2], []byte(out), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
