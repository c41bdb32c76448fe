// The words cmd/trace's task page (Go 1.27) uses for an event in a task's or region's list,
// made once per distinct text (annotation-book.ts keeps one per summarizer).
import { type GoRelease } from '../../trace/go/strconv';
import { quoteGo } from '../../trace/go/string';
import { EventKind, goStateString, ResourceKind, type TraceEvent } from '../../trace/parse/index';
import { dec } from '../../trace/parse/int64';
import { transitionOf } from '../transition-memo';
import type { EventRef } from './summary-types';
import { settleNumberFields } from './exec-stats';

export class EventTexts {
  private readonly stateTexts = new Map<number, string>();
  private readonly beginTexts = new Map<string, string>();
  private readonly endTexts = new Map<string, string>();

  /** `go`: the release whose strconv tables quote names in the texts. */
  constructor(private readonly go: GoRelease) {}

  /**
   * What cmd/trace's task page (Go 1.27) says about an event, and which goroutine it names.
   * Texts that repeat (a region type's begin and end, a state change) are made once and shared
   * by every event that says them: a trace with a quarter of a million regions kept as many
   * copies of a few strings, and quoted each name again every time.
   */
  ref(ev: TraceEvent, t: number): EventRef {
    switch (ev.kind()) {
      case EventKind.StateTransition: {
        const st = transitionOf(ev);
        if (st.resource.kind !== ResourceKind.Goroutine) return { timeNs: t, g: -1, what: '' };
        const key = (st.from as number) * 16 + (st.to as number);
        let what = this.stateTexts.get(key);
        if (what === undefined) this.stateTexts.set(key, (what = `${goStateString(st.from)} -> ${goStateString(st.to)}`));
        return { timeNs: t, g: st.resource.id, what };
      }
      case EventKind.RegionBegin:
      case EventKind.RegionEnd: {
        const begin = ev.kind() === EventKind.RegionBegin;
        const texts = begin ? this.beginTexts : this.endTexts;
        const type = ev.region().type;
        let what = texts.get(type);
        if (what === undefined) texts.set(type, (what = `region ${quoteGo(type, this.go)} ${begin ? 'begin' : 'end'}`));
        return { timeNs: t, g: ev.g, what };
      }
      case EventKind.TaskBegin: {
        const task = ev.task();
        return { timeNs: t, g: ev.g, what: `task ${quoteGo(task.type, this.go)} (ID ${dec(task.id)}, parent ${dec(task.parent)}) begin` };
      }
      case EventKind.TaskEnd:
        return { timeNs: t, g: ev.g, what: 'task end' };
      default:
        return { timeNs: t, g: ev.g, what: '' };
    }
  }
}

// Event references' times stay tagged (see settleNumberFields), in the property order of ref's
// literals (a LogRef goes on from the same three).
settleNumberFields((n): EventRef => ({ timeNs: n, g: n, what: '' }));
