// The open trace's timeline model, for the timeline page: the model object (kept outside the
// store, state/timeline.ts) and its version, which changes when a generation arrives so the
// page redraws with the generations read so far.

import type { TimelineQueries } from '../../analysis/timeline/index';
import { useApp } from '../../state/store';
import { currentTimeline } from '../../state/timeline';

export interface ModelState {
  readonly model: TimelineQueries | null;
  readonly version: number;
}

export function useTimelineModel(): ModelState {
  const version = useApp((s) => s.inspect.timeline.version);
  const status = useApp((s) => s.inspect.timeline.status);
  const model = status === 'empty' ? null : currentTimeline();
  return { model: model && model.generations.length > 0 ? model : null, version };
}
