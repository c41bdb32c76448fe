// What the timeline view asks of a trace: its length, its lanes, each visible lane's painter,
// the goroutine behind a row, and what is selected by a click. The view never touches trace
// data otherwise, so it is drawn the same way from the parser's summary alone (generations
// only, while the timeline model is still arriving) and from the full model.

import type { Row, SectionSpec } from './lane-layout';
import type { LaneContent } from './paint';

export interface RowLabel {
  readonly text: string;
  readonly sub?: string;
  /** The accessible name of the row's button. */
  readonly aria: string;
  readonly goroutine: number | null;
}

/** Where a goroutine's own lane is: its group and its row within the group. */
export interface GoroutinePlace {
  readonly group: string;
  readonly index: number;
}

export interface TimelineData {
  /** Nanoseconds from the trace's first event to its last read so far. */
  readonly durationNs: number;
  readonly sections: readonly SectionSpec[];
  content(row: Row): LaneContent | null;
  rowLabel(groupIndex: number, index: number): RowLabel;
  goroutinePlace(id: number): GoroutinePlace | null;
}
