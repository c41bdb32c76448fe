// The open trace's timeline model, kept outside the store (its typed arrays would make every
// store update compare and copy them). The parse worker sends one chunk per completed
// generation; each is appended here and the store's inspect.timeline.version moves on, so the
// timeline view redraws with the generations parsed so far while later ones are still parsed.

import { TimelineModel } from '../analysis/timeline/model';
import type { TimelineChunk, TimelineLoss } from '../analysis/timeline/chunk';
import type { TimelineQueries } from '../analysis/timeline/query';
import type { TimelineListener } from '../worker/parse-client';
import { initialTimeline, setInspect } from './store';

let model: TimelineModel | null = null;
/** The parse request whose chunks the model takes; others (a cancelled open) are dropped. */
let owner = -1;

/** The open trace's model (possibly still loading); null when no trace is open. */
export function currentTimeline(): TimelineQueries | null {
  return model;
}

function publish(): void {
  if (model === null) setInspect({ timeline: initialTimeline });
  else setInspect({ timeline: { status: model.complete ? 'done' : 'loading', version: model.version, generations: model.chunks.length } });
}

/** A new open starts an empty model fed by request id. */
export function beginTimeline(id: number): void {
  model = new TimelineModel();
  owner = id;
  publish();
}

/** Drops the model (file closed, or another one opened). */
export function clearTimeline(): void {
  model = null;
  owner = -1;
  publish();
}

/** What the parse client calls with the worker's timeline replies. */
export const timelineListener: TimelineListener = {
  chunk(id: number, chunk: TimelineChunk): void {
    if (id !== owner || model === null) return;
    model.append(chunk);
    publish();
  },
  end(id: number, loss: TimelineLoss | null): void {
    if (id !== owner || model === null) return;
    model.finish(loss);
    publish();
  },
  broke(id: number, message: string): void {
    if (id !== owner || model === null || model.complete) return;
    model.finish({ message, fault: 'internal', generationsKept: model.generations.length, eventsLost: 0, keptUntilNs: model.endNs });
    publish();
  },
};
