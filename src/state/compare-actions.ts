// The compare screen's actions: each side is read by the parse worker (the wire summary, then
// Go's parser over every event), independently of the file open on the first screen. Sides
// come from the live view's snapshots or from files dropped or picked on the compare screen.

import { ParseClient } from '../worker/parse-client';
import { track } from './inspect-actions';
import { fileSizeProblem } from './inspect-limits';
import { navigate } from './navigation';
import { setCompare, useApp, type CompareSide } from './store';

export interface CompareInput {
  readonly blob: Blob;
  readonly name: string;
  readonly detail: string;
}

export type Slot = 'a' | 'b';

let client: ParseClient | null = null;
/** Per slot, the newest load: a slower earlier one never overwrites it. */
const latest: Record<Slot, number> = { a: 0, b: 0 };

/** Opens the compare screen with two traces, A and B. */
export async function compareBlobs(a: CompareInput, b: CompareInput): Promise<void> {
  navigate({ screen: 'compare' });
  await Promise.all([load('a', a), load('b', b)]);
}

/** Puts one trace on one side (a file dropped or picked on the compare screen). */
export function setSide(slot: Slot, input: CompareInput): Promise<void> {
  return load(slot, input);
}

/** Fills the empty side first (A, then B); with both full, replaces B. */
export function nextSlot(): Slot {
  const c = useApp.getState().compare;
  return c.a === null ? 'a' : 'b';
}

export function clearCompare(): void {
  latest.a++;
  latest.b++;
  setCompare({ a: null, b: null });
}

function update(slot: Slot, token: number, patch: Partial<CompareSide>): void {
  if (token !== latest[slot]) return;
  const cur = useApp.getState().compare[slot];
  if (cur) setCompare({ [slot]: { ...cur, ...patch } });
}

async function load(slot: Slot, input: CompareInput): Promise<void> {
  const token = ++latest[slot];
  const side: CompareSide = { name: input.name, detail: input.detail, size: input.blob.size, status: 'reading', wire: null, parsed: null, error: null };
  setCompare({ [slot]: side });
  const tooBig = fileSizeProblem(input.name, input.blob.size);
  if (tooBig !== null) return update(slot, token, { status: 'failed', error: tooBig });
  try {
    const bytes = input.blob;
    if (token !== latest[slot]) return;
    client ??= new ParseClient();
    const handle = client.open(bytes);
    const { summary } = await track(handle.wire);
    update(slot, token, { status: 'parsing', wire: summary });
    const parsed = await track(handle.parsed);
    update(slot, token, { status: 'done', parsed });
  } catch (err) {
    update(slot, token, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
}
