// validate checks Go trace files the way Go's own trace tests do: every
// event is read with golang.org/x/exp/trace and passed to x/exp's
// testtrace.Validator. It prints, per file, "ok events=N" or
// "error: MESSAGE" (prefixed with the file name when several are given) and
// exits 1 if any file fails.
//
// testtrace is an internal package of x/exp, so it cannot be imported from
// this module. At run time (never at commit time) this launcher copies x/exp's
// trace packages out of the Go module cache into a temporary directory, adds
// validator/main.go beside them, builds the validator there and deletes the
// copy. The built binary is cached under the user cache directory, keyed by
// the x/exp version and the validator's source, so later runs start at once.
//
// If that build fails (for example x/exp reorganised its internals), or with
// -fallback, it validates with the reader alone plus two checks of its own:
// event times never go backwards, and Sync events are numbered 1, 2, 3, ...
//
// Usage: go build -o /tmp/flightdeck-validate ./validate && /tmp/flightdeck-validate [-fallback] FILE...
package main

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/exp/trace"
)

//go:embed validator/main.go
var validatorSource []byte

const xexp = "golang.org/x/exp"

func main() {
	fallback := flag.Bool("fallback", false, "skip testtrace; use the reader plus this program's own checks")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: validate [-fallback] FILE...")
		os.Exit(2)
	}
	if !*fallback {
		bin, err := validatorBinary()
		if err == nil {
			cmd := exec.Command(bin, flag.Args()...)
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					os.Exit(exit.ExitCode())
				}
				fmt.Fprintln(os.Stderr, "validate: running testtrace validator:", err)
				os.Exit(1)
			}
			return
		}
		fmt.Fprintf(os.Stderr, "validate: testtrace validator unavailable (%v); using reader-only checks\n", err)
	}
	os.Exit(runFallback(flag.Args()))
}

// xexpVersion is the x/exp version this program was built against.
func xexpVersion() (string, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", errors.New("no build info")
	}
	for _, dep := range info.Deps {
		if dep.Path == xexp {
			if dep.Replace != nil {
				return "", errors.New("x/exp is replaced; not supported")
			}
			return dep.Version, nil
		}
	}
	return "", errors.New("x/exp not among the dependencies")
}

func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	return strings.TrimSpace(string(out)), err
}

// validatorBinary returns the cached validator, building it first if needed.
func validatorBinary() (string, error) {
	version, err := xexpVersion()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(append([]byte(version+"\n"), validatorSource...))
	cacheDir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(cacheDir, "flightdeck", "validate-"+hex.EncodeToString(sum[:8]))
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	modcache, err := goEnv("GOMODCACHE")
	if err != nil {
		return "", err
	}
	src := filepath.Join(modcache, xexp+"@"+version)
	if _, err := os.Stat(filepath.Join(src, "trace", "internal", "testtrace")); err != nil {
		// Not in the module cache yet: ask the go command to fetch it.
		if out, err := exec.Command("go", "mod", "download", xexp+"@"+version).CombinedOutput(); err != nil {
			return "", fmt.Errorf("go mod download: %v: %s", err, out)
		}
	}
	tmp, err := os.MkdirTemp("", "flightdeck-validate-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := copyTracePackages(filepath.Join(src, "trace"), filepath.Join(tmp, "trace")); err != nil {
		return "", err
	}
	goLine, err := goDirective(filepath.Join(src, "go.mod"))
	if err != nil {
		return "", err
	}
	// The copy is a module of its own named like x/exp, so that the
	// validator sits inside golang.org/x/exp/trace and may import internals.
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte("module "+xexp+"\n\n"+goLine+"\n"), 0o644); err != nil {
		return "", err
	}
	dir := filepath.Join(tmp, "trace", "flightdeckvalidate")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), validatorSource, 0o644); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command("go", "build", "-tags", "flightdeck_validate", "-o", bin, "./trace/flightdeckvalidate")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building validator: %v: %s", err, out)
	}
	return bin, nil
}

// copyTracePackages copies the non-test Go files of x/exp/trace and its
// subpackages (not testdata) from the read-only module cache.
func copyTracePackages(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
}

func goDirective(gomod string) (string, error) {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "go ") {
			return strings.TrimSpace(line), nil
		}
	}
	return "", errors.New("no go directive in " + gomod)
}

// runFallback validates with the public reader and a few checks of our own.
func runFallback(paths []string) int {
	status := 0
	for _, path := range paths {
		prefix := ""
		if len(paths) > 1 {
			prefix = path + ": "
		}
		n, err := checkFallback(path)
		if err != nil {
			fmt.Printf("%serror: %v\n", prefix, err)
			status = 1
			continue
		}
		fmt.Printf("%sok events=%d\n", prefix, n)
	}
	return status
}

func checkFallback(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r, err := trace.NewReader(f)
	if err != nil {
		return 0, err
	}
	var last trace.Time
	syncs := 0
	n := 0
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if ev.Time() < last {
			return n, fmt.Errorf("event %d (%v): time %d is before the previous event's %d", n, ev.Kind(), ev.Time(), last)
		}
		last = ev.Time()
		if ev.Kind() == trace.EventSync {
			syncs++
			if got := ev.Sync().N; got != syncs {
				return n, fmt.Errorf("event %d: Sync numbered %d, want %d", n, got, syncs)
			}
		}
		n++
	}
}
