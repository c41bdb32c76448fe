// The live view's controls, in three groups: the simulated runtime, the flight recorder,
// and a full trace. Each is a native control with a visible label (so it has a role and an
// accessible name, and works from the keyboard).

import { useEffect, useId, useState } from 'react';
import * as live from '../../state/live-actions';
import { useApp } from '../../state/store';
import { formatBytes } from '../format';

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];

export function LiveControls() {
  const s = useApp((st) => st.live);
  const ids = { workload: useId(), speed: useId(), maxBytes: useId(), minAge: useId() };
  return (
    <div className="controls" role="region" aria-label="Live controls">
      <div className="card control-group" role="group" aria-labelledby="grp-runtime">
        <div className="group-name" id="grp-runtime">
          Simulated Go runtime
          <span className={`status-pill ${s.running ? 'live' : ''}`}>{s.running ? 'running' : 'stopped'}</span>
        </div>
        <button type="button" className={s.running ? 'btn' : 'btn primary'} onClick={() => (s.running ? live.stopRuntime() : live.startRuntime())} disabled={!s.connected}>
          {s.running ? 'Stop runtime' : 'Start runtime'}
        </button>
        <label className="field" htmlFor={ids.workload}>
          Workload
          <select id={ids.workload} value={s.workload} onChange={(e) => live.setWorkload(e.currentTarget.value)}>
            {live.workloads().map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={ids.speed}>
          Speed
          <select id={ids.speed} value={String(s.speed)} onChange={(e) => live.setSpeed(Number(e.currentTarget.value))}>
            {SPEEDS.map((v) => (
              <option key={v} value={String(v)}>
                {v}×
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="card control-group" role="group" aria-labelledby="grp-recorder">
        <div className="group-name" id="grp-recorder">
          Flight recorder
          <span className={`status-pill ${s.recording ? 'rec' : ''}`}>{s.recording ? 'recording' : 'off'}</span>
        </div>
        <NumberField id={ids.maxBytes} label="MaxBytes (KiB)" value={s.maxBytes / 1024} min={1} step={16} onCommit={(v) => live.setRecorderParams({ maxBytes: Math.round(v * 1024) })} hint={formatBytes(s.maxBytes)} />
        <NumberField id={ids.minAge} label="MinAge (ms)" value={s.minAgeMs} min={0} step={100} onCommit={(v) => live.setRecorderParams({ minAgeMs: Math.round(v) })} />
        <button type="button" className={s.recording ? 'btn on' : 'btn'} onClick={() => (s.recording ? live.stopRecorder() : live.startRecorder())} disabled={!s.connected}>
          {s.recording ? 'Stop recorder' : 'Start recorder'}
        </button>
        <button type="button" className="btn primary" onClick={() => void live.takeSnapshot()} disabled={!s.recording}>
          Snapshot
        </button>
      </div>

      <div className="card control-group" role="group" aria-labelledby="grp-full">
        <div className="group-name" id="grp-full">
          Full trace
          <span className={`status-pill ${s.fullTracing ? 'rec' : ''}`}>{s.fullTracing ? 'writing' : 'off'}</span>
        </div>
        <button type="button" className={s.fullTracing ? 'btn on' : 'btn'} onClick={() => (s.fullTracing ? void live.stopFullTrace() : live.startFullTrace())} disabled={!s.connected}>
          {s.fullTracing ? 'Stop full trace' : 'Start full trace'}
        </button>
        {s.fullTrace && (
          <a className="btn" href={s.fullTrace.url} download={s.fullTrace.fileName}>
            Download {s.fullTrace.fileName} ({formatBytes(s.fullTrace.blob.size)})
          </a>
        )}
      </div>
    </div>
  );
}

/** A number input that commits on Enter or blur, so typing "2" on the way to "256" does not act. */
function NumberField(props: { id: string; label: string; value: number; min: number; step: number; hint?: string; onCommit(v: number): void }) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const commit = () => {
    const v = Number(text);
    if (Number.isFinite(v) && v >= props.min) {
      if (v !== props.value) props.onCommit(v);
    } else setText(String(props.value));
  };
  return (
    <label className="field" htmlFor={props.id}>
      {props.label}
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        step={props.step}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
