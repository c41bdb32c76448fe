// Event.String exactly as Go's internal/trace/event.go prints it, which is what
// `go tool trace -d=parsed` writes per event. Strings are quoted as the given Go release quotes
// them (its strconv tables: see go/strconv.ts GoRelease), the newest by default.

import { EVENT_KIND_NAMES, EventKind, type TraceEvent } from './event';
import { GoPanic } from './errors';
import { quoteGo } from '../go/string';
import { type GoRelease, NEWEST_GO } from '../go/strconv';
import { dec } from './int64';
import { goStateString, procStateString, ResourceKind, type Stack } from './resources';
import { formatUnixRFC3339Nano } from '../go/time';

function printStack(stack: Stack, prefix: string): string {
  // Go's Stack.Frames panics on an ID missing from the table (possible only for CPU samples).
  if (!stack.exists()) throw new GoPanic(`expected id ${dec(stack.id)} in trace.stack table`);
  let out = '';
  for (const f of stack.frames()) {
    out += `${prefix}${f.func} @ 0x${f.pc.toString(16)}\n${prefix}\t${f.file}:${dec(f.line)}\n`;
  }
  return out;
}

export function eventString(e: TraceEvent, go: GoRelease = NEWEST_GO): string {
  const kind = e.kind();
  let s = `M=${dec(e.m)} P=${dec(e.p)} G=${dec(e.g)} ${EVENT_KIND_NAMES[kind] ?? 'Bad'} Time=${dec(e.time)}`;
  switch (kind) {
    case EventKind.Metric: {
      const m = e.metric();
      s += ` Name=${quoteGo(m.name, go)} Value=${m.value.toString()}`;
      break;
    }
    case EventKind.Label: {
      const l = e.label();
      s += ` Label=${quoteGo(l.label, go)} Resource=${l.resource.toString()}`;
      break;
    }
    case EventKind.RangeBegin:
    case EventKind.RangeActive:
    case EventKind.RangeEnd: {
      const r = e.range();
      s += ` Name=${quoteGo(r.name, go)} Scope=${r.scope.toString()}`;
      if (kind === EventKind.RangeEnd) {
        s += ' Attributes=[' + e.rangeAttributes().map((a) => `${quoteGo(a.name, go)}=${a.value.toString()}`).join(' ') + ']';
      }
      break;
    }
    case EventKind.TaskBegin:
    case EventKind.TaskEnd: {
      const t = e.task();
      s += ` ID=${dec(t.id)} Parent=${dec(t.parent)} Type=${quoteGo(t.type, go)}`;
      break;
    }
    case EventKind.RegionBegin:
    case EventKind.RegionEnd: {
      const r = e.region();
      s += ` Task=${dec(r.task)} Type=${quoteGo(r.type, go)}`;
      break;
    }
    case EventKind.Log: {
      const l = e.log();
      s += ` Task=${dec(l.task)} Category=${quoteGo(l.category, go)} Message=${quoteGo(l.message, go)}`;
      break;
    }
    case EventKind.StateTransition: {
      const t = e.stateTransition();
      if (t.resource.kind === ResourceKind.Goroutine) {
        s += ` GoID=${dec(t.resource.id)} ${goStateString(t.from)}->${goStateString(t.to)}`;
      } else if (t.resource.kind === ResourceKind.Proc) {
        s += ` ProcID=${dec(t.resource.id)} ${procStateString(t.from)}->${procStateString(t.to)}`;
      }
      s += ` Reason=${quoteGo(t.reason, go)}`;
      if (!t.stack.isNone()) s += '\nTransitionStack=\n' + printStack(t.stack, '\t');
      break;
    }
    case EventKind.Experimental: {
      const x = e.experimental();
      s += ` Name=${x.name} Args=[` + x.args.map((a, i) => `${a}=${x.argValue(i).toString()}`).join(', ') + ']';
      break;
    }
    case EventKind.Sync: {
      const y = e.sync();
      s += ` N=${y.n}`;
      const c = y.clockSnapshot;
      if (c !== null) {
        s += ` Trace=${dec(c.trace)} Mono=${dec(c.mono)} Wall=${formatUnixRFC3339Nano(c.wall.sec, c.wall.nsec)}`;
      }
      break;
    }
  }
  const stk = e.stack();
  if (!stk.isNone()) s += '\nStack=\n' + printStack(stk, '\t');
  return s;
}
