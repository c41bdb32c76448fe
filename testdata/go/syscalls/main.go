// syscalls: file I/O in a temporary directory and a child process via
// os/exec, so goroutines enter and leave syscalls (and Ps may be stolen).
package main

import (
	"os"
	"os/exec"
	"path/filepath"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	dir, err := os.MkdirTemp("", "flightdeck-syscalls")
	tracefile.Check(err)
	defer os.RemoveAll(dir)
	tracefile.Run(func() {
		name := filepath.Join(dir, "data")
		chunk := make([]byte, 32<<10)
		for i := 0; i < 20; i++ {
			f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
			tracefile.Check(err)
			_, err = f.Write(chunk)
			tracefile.Check(err)
			tracefile.Check(f.Sync())
			tracefile.Check(f.Close())
		}
		_, err := os.ReadFile(name)
		tracefile.Check(err)
		tracefile.Check(exec.Command("/bin/true").Run())
		out, err := exec.Command("/bin/echo", "hello").Output()
		tracefile.Check(err)
		_ = out
	})
}
