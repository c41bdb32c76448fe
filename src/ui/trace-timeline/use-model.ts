// The open trace's timeline model, for the timeline page: the model object (kept outside the
// store) and its version, which changes when a generation arrives so the page redraws.

import type { TimelineQueries } from '../../analysis/timeline/index';

export interface ModelState {
  readonly model: TimelineQueries | null;
  readonly version: number;
}

export function useTimelineModel(): ModelState {
  return { model: null, version: 0 };
}
