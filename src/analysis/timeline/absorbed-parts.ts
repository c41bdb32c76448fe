// A received chunk as the page model keeps it: its table appends, goroutine facts and task
// events have been absorbed into the model's trace-global tables, so the kept chunk holds empty
// parts in their place (one shared set) and its arrays can be freed.

import type { TimelineChunk } from './chunk';

const EMPTY_APPENDS: TimelineChunk['tables'] = {
  strings: [],
  frameFunc: new Uint32Array(0),
  frameFile: new Uint32Array(0),
  frameLine: new Float64Array(0),
  framePc: new Float64Array(0),
  stackStart: new Uint32Array(1),
  stackFrames: new Uint32Array(0),
  siteStack: new Uint32Array(0),
  siteReason: new Uint32Array(0),
  goroutineId: new Float64Array(0),
  procId: new Float64Array(0),
  threadId: new Float64Array(0),
  taskId: new Float64Array(0),
  taskParent: new Uint32Array(0),
  taskType: new Uint32Array(0),
  taskUpdate: new Uint32Array(0),
  taskUpdateParent: new Uint32Array(0),
  taskUpdateType: new Uint32Array(0),
  exactIds: [],
};
const EMPTY_TASKS: TimelineChunk['tasks'] = {
  time: new Uint32Array(0),
  edge: new Uint8Array(0),
  task: new Uint8Array(0),
  goroutine: new Uint8Array(0),
  stack: new Uint8Array(0),
};
const EMPTY_FACTS: TimelineChunk['facts'] = {
  namedG: new Uint32Array(0),
  namedStack: new Uint32Array(0),
  startG: new Uint32Array(0),
  startStack: new Uint32Array(0),
  createdG: new Uint32Array(0),
  createdBy: new Uint32Array(0),
};

/** The chunk without the parts the model has absorbed. */
export function absorbed(chunk: TimelineChunk): TimelineChunk {
  return { ...chunk, tables: EMPTY_APPENDS, facts: EMPTY_FACTS, tasks: EMPTY_TASKS };
}
