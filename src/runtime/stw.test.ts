// Stop-the-world stops the other Ps (proc.go stopTheWorldWithSema): when a GC's STW ends,
// the goroutine that stopped the world is the only one running, and the Ps stopped for it
// start again afterwards. Checked on the parsed trace, with our parser.
import { describe, expect, it } from 'vitest';
import { EventKind } from '../trace/parse/event';
import { TraceReader } from '../trace/parse/reader';
import { GoState, ResourceKind } from '../trace/parse/resources';
import { SimulatedRuntime, type WorkloadName } from './index';
import { recordTrace } from './test-traces';

function trace(workload: WorkloadName, seed: number, seconds: number): Uint8Array {
  return recordTrace(new SimulatedRuntime({ workload, seed }), seconds, true);
}

describe('stop-the-world', () => {
  for (const [workload, seed] of [['gc-heavy', 5], ['busy', 9]] as const) {
    it(`${workload}: only the stopping goroutine runs when an STW ends (seed ${seed})`, () => {
      const r = new TraceReader(trace(workload, seed, 1.5));
      const running = new Set<number>();
      let stws = 0;
      let preempted = 0;
      const othersAtEnd: number[] = [];
      for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
        const k = ev.kind();
        if (k === EventKind.StateTransition) {
          const st = ev.stateTransition();
          if (st.resource.kind !== ResourceKind.Goroutine) continue;
          const id = Number(st.resource.id);
          if (st.to === GoState.Running) running.add(id);
          else if (st.from === GoState.Running) running.delete(id);
          if (st.reason === 'preempted') preempted++;
        } else if (k === EventKind.RangeBegin && ev.range().name.startsWith('stop-the-world')) {
          stws++;
        } else if (k === EventKind.RangeEnd && ev.range().name.startsWith('stop-the-world')) {
          othersAtEnd.push(running.size - 1);
        }
      }
      expect(stws).toBeGreaterThan(2);
      expect(othersAtEnd).toEqual(othersAtEnd.map(() => 0));
      // The busy Ps were running goroutines, so stopping them preempted some.
      expect(preempted).toBeGreaterThan(0);
    });
  }
});
