// network: a loopback-only TCP echo server (127.0.0.1, an ephemeral port)
// and a client, so goroutines block in the network poller.
package main

import (
	"bufio"
	"net"
	"sync"

	"flightdeck/testdata/internal/tracefile"
)

func main() {
	tracefile.Run(func() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		tracefile.Check(err)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := ln.Accept()
			tracefile.Check(err)
			defer c.Close()
			r := bufio.NewReader(c)
			for {
				line, err := r.ReadBytes('\n')
				if err != nil {
					return
				}
				if _, err := c.Write(line); err != nil {
					return
				}
			}
		}()
		c, err := net.Dial("tcp", ln.Addr().String())
		tracefile.Check(err)
		r := bufio.NewReader(c)
		for i := 0; i < 30; i++ {
			_, err := c.Write([]byte("ping\n"))
			tracefile.Check(err)
			_, err = r.ReadBytes('\n')
			tracefile.Check(err)
		}
		tracefile.Check(c.Close())
		wg.Wait()
		tracefile.Check(ln.Close())
	})
}
