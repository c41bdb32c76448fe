import { describe, expect, it } from 'vitest';
import { fileSizeProblem, MAX_FILE_BYTES } from './inspect-limits';

describe('file size cap', () => {
  it('reads files up to and including the cap', () => {
    expect(fileSizeProblem('a.trace', 0)).toBeNull();
    expect(fileSizeProblem('a.trace', MAX_FILE_BYTES)).toBeNull();
  });

  it('refuses a larger file, naming its size and the cap', () => {
    expect(fileSizeProblem('big.trace', 3 * 1024 ** 3)).toBe(
      'big.trace is 3.0 GiB; Flightdeck reads files of up to 1 GiB in the browser. ' +
        'Record a shorter trace (a flight-recorder snapshot keeps only the last few seconds), or use go tool trace for this one.',
    );
    expect(fileSizeProblem('x', MAX_FILE_BYTES + 1)).toMatch(/^x is 1\.0 GiB; .* up to 1 GiB /);
  });

  it('states a smaller cap in MiB', () => {
    expect(fileSizeProblem('x', 9 * 1024 ** 2, 8 * 1024 ** 2)).toMatch(/^x is 9\.0 MiB; .* up to 8\.0 MiB /);
  });
});
