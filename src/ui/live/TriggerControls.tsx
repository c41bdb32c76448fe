// Triggers: snapshot the flight recorder by itself when a request is slow or a GC pause is
// long, as Go's flight-recorder blog post does by hand. Each is a checkbox and a threshold;
// the worker watches the simulated program and calls FlightRecorder.WriteTo when one passes.

import * as live from '../../state/live-actions';
import { useApp } from '../../state/store';
import { plural } from '../format';
import { NumberField } from './fields';

export function TriggerControls() {
  const s = useApp((st) => st.live);
  const f = s.triggerForm;
  const fired = s.triggerMarks.filter((m) => m.run === s.run).length;
  const armed = f.slowRequestOn || f.gcPauseOn;
  return (
    <div className="card control-group trigger-group" role="group" aria-labelledby="grp-triggers">
      <div className="group-name" id="grp-triggers">
        Triggers
        <span className={`status-pill ${armed ? 'live' : ''}`} data-testid="trigger-status">
          {armed ? (fired > 0 ? `armed · fired ${plural(fired, 'time')}` : 'armed') : 'off'}
        </span>
      </div>
      <TriggerRow
        label="Snapshot when a request takes longer than"
        thresholdLabel="Request threshold (ms)"
        on={f.slowRequestOn}
        value={f.slowRequestMs}
        step={10}
        max={3_600_000}
        onToggle={(on) => void live.setTriggers({ slowRequestOn: on })}
        onValue={(v) => void live.setTriggers({ slowRequestMs: v })}
      />
      <TriggerRow
        label="Snapshot when a GC pause is longer than"
        thresholdLabel="GC pause threshold (ms)"
        on={f.gcPauseOn}
        value={f.gcPauseMs}
        step={0.05}
        max={60_000}
        onToggle={(on) => void live.setTriggers({ gcPauseOn: on })}
        onValue={(v) => void live.setTriggers({ gcPauseMs: v })}
      />
      {armed && !s.recording ? (
        <p className="group-note trigger-warning" data-testid="trigger-needs-recorder">
          Start the flight recorder: a trigger snapshots what its ring holds.
        </p>
      ) : (
        <p className="group-note">
          Like the pattern in Go’s flight-recorder blog post: when one fires, FlightRecorder.WriteTo runs at that moment. It then rests 5 s
          of simulated time. Try the “rare slow requests” workload.
        </p>
      )}
    </div>
  );
}

function TriggerRow(props: {
  label: string;
  thresholdLabel: string;
  on: boolean;
  value: number;
  step: number;
  max: number;
  onToggle(on: boolean): void;
  onValue(v: number): void;
}) {
  return (
    <div className="trigger-row">
      <label className="check">
        <input type="checkbox" checked={props.on} onChange={(e) => props.onToggle(e.currentTarget.checked)} />
        {props.label}
      </label>
      <NumberField
        label={props.thresholdLabel}
        value={props.value}
        step={props.step}
        validate={(v) => (v > 0 && v <= props.max ? null : `A threshold above 0 ms, up to ${props.max.toLocaleString('en-US')} ms.`)}
        onCommit={props.onValue}
      />
    </div>
  );
}
