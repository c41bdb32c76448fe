// Prints the code points strconv.IsPrint accepts, as the ranges src/trace/go/print-table.ts
// stores: comma-separated base-36 pairs (gap from the end of the previous range, length).
// Run with each toolchain: its strconv tables are its Unicode version's.
//
//	GOTOOLCHAIN=go1.27.3 go run scripts/go/print-ranges.go
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	var parts []string
	end := 0
	for r := 0; r <= unicode.MaxRune; {
		if !strconv.IsPrint(rune(r)) {
			r++
			continue
		}
		start := r
		for r <= unicode.MaxRune && strconv.IsPrint(rune(r)) {
			r++
		}
		parts = append(parts, strconv.FormatInt(int64(start-end), 36), strconv.FormatInt(int64(r-start), 36))
		end = r
	}
	fmt.Fprintf(os.Stderr, "unicode %s\n", unicode.Version)
	fmt.Println(strings.Join(parts, ","))
}
