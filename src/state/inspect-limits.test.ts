import { describe, expect, it } from 'vitest';
import { fileSizeProblem, MAX_FILE_BYTES } from './inspect-limits';

describe('file size cap', () => {
  it('reads files up to and including the cap', () => {
    expect(fileSizeProblem('a.trace', 0)).toBeNull();
    expect(fileSizeProblem('a.trace', MAX_FILE_BYTES)).toBeNull();
  });

  it('refuses a larger file, naming its size and the cap', () => {
    expect(fileSizeProblem('big.trace', 5 * 1024 ** 3)).toBe(
      'big.trace is 5.0 GiB; Flightdeck reads traces of up to 4 GiB in the browser: ' +
        'it reads the file a piece at a time, but the timeline and analyses it builds grow with the trace and would not fit in the tab’s memory. ' +
        'Record a shorter trace (a flight-recorder snapshot keeps only the last few seconds), or use go tool trace for this one.',
    );
    expect(fileSizeProblem('x', MAX_FILE_BYTES + 1)).toMatch(/^x is 4\.0 GiB; .* up to 4 GiB /);
    // The old 1 GiB cap (the whole file in one buffer) is gone: the file is streamed.
    expect(fileSizeProblem('x', 3 * 1024 ** 3)).toBeNull();
  });

  it('states a smaller cap in MiB', () => {
    expect(fileSizeProblem('x', 9 * 1024 ** 2, 8 * 1024 ** 2)).toMatch(/^x is 9\.0 MiB; .* up to 8\.0 MiB /);
  });
});
