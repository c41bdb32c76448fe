// The spec table checked the way Go checks its own (internal/trace/tracev2/events_test.go).
import { describe, expect, it } from 'vitest';
import { Ev, MAX_TIMED_EVENT_ARGS, NO_EXPERIMENT, SPECS } from './specs';
import { eventName, specsFor, V2_VERSIONS } from './version';

const ARG_NAME = /^([A-Za-z]+_)?[A-Za-z]+$/;
const defined = SPECS.map((s, i) => [i, s] as const).filter(([, s]) => s.name !== '');

describe('event specs', () => {
  it('defines every event type 1..52 and 128..136', () => {
    const want = [...Array.from({ length: 52 }, (_, i) => i + 1), ...Array.from({ length: 9 }, (_, i) => i + 128)];
    expect(defined.map(([i]) => i)).toEqual(want);
  });

  it.each(defined)('type %i follows the spec rules', (i, spec) => {
    if (spec.isTimed) expect(spec.args[0]).toBe('dt');
    if (spec.hasData) expect(['String', 'ExperimentalBatch']).toContain(spec.name);
    if (spec.isStack) expect(spec.name).toBe('Stack');
    if (spec.isTimed) expect(spec.args.length).toBeLessThanOrEqual(MAX_TIMED_EVENT_ARGS);
    if (i > 127) expect(spec.experiment).not.toBe(NO_EXPERIMENT);
    else expect(spec.experiment).toBe(NO_EXPERIMENT);
    for (const a of spec.args) expect(a).toMatch(ARG_NAME);
    spec.args.forEach((a, k) => {
      expect(spec.stackIDs.includes(k), `${spec.name}.${a}`).toBe(a.endsWith('stack'));
      expect(spec.stringIDs.includes(k), `${spec.name}.${a}`).toBe(a.endsWith('string'));
    });
    if (spec.startEv !== 0) expect(SPECS[spec.startEv].name).toMatch(/Begin$/);
  });

  it('gives each version the prefix of the table Go gives it', () => {
    expect(specsFor(22).length).toBe(Ev.UserLog + 1);
    expect(specsFor(23).length).toBe(Ev.ExperimentalBatch + 1);
    expect(specsFor(25).length).toBe(Ev.ClockSnapshot + 1);
    expect(specsFor(26).length).toBe(Ev.GoroutineStackFree + 1);
    for (const v of V2_VERSIONS) expect(specsFor(v)[1].name).toBe('EventBatch');
  });

  it("names events as Go's Version.EventName does", () => {
    expect(eventName(22, Ev.GoSwitch)).toBe('Invalid(45)');
    expect(eventName(23, Ev.GoSwitch)).toBe('GoSwitch');
    expect(eventName(26, 60)).toBe('Invalid(60)');
    expect(eventName(26, Ev.EndOfGeneration)).toBe('EndOfGeneration');
  });
});
