import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('csv', () => {
  it('quotes what needs quoting and reads back the same rows', () => {
    const rows = [
      ['main.main', 3, 1200n],
      ['runtime.(*traceAdvancerState).start.func1', 1, 0],
      ['a "quoted", name\nwith a line break', null, -1],
    ];
    const text = toCsv(['Start function', 'Count', 'Execution ns'], rows);
    expect(text.split('\r\n')[0]).toBe('Start function,Count,Execution ns');
    expect(parseCsv(text)).toEqual([
      ['Start function', 'Count', 'Execution ns'],
      ['main.main', '3', '1200'],
      ['runtime.(*traceAdvancerState).start.func1', '1', '0'],
      ['a "quoted", name\nwith a line break', '', '-1'],
    ]);
  });
});
