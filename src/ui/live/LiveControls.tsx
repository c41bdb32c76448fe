// The live view's controls, in four groups: the simulated runtime, the flight recorder, its
// triggers, and a full trace (trace.Start / trace.Stop).

import { openBlob } from '../../state/inspect-actions';
import * as live from '../../state/live-actions';
import { useApp } from '../../state/store';
import type { GoFormat, WorkloadName } from '../../worker/protocol';
import { speedReached } from '../../state/live-model';
import { formatBytes, formatSpeed, plural } from '../format';
import { NumberField, SelectField } from './fields';
import { RecorderControls } from './RecorderControls';
import { TriggerControls } from './TriggerControls';

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];
const FORMATS: { value: GoFormat; label: string }[] = [
  { value: '1.26', label: 'Go 1.26 (end-of-generation marks)' },
  { value: '1.25', label: 'Go 1.25' },
];

export function LiveControls() {
  return (
    <div className="controls" role="region" aria-label="Live controls">
      <RuntimeControls />
      <RecorderControls />
      <TriggerControls />
      <FullTraceControls />
    </div>
  );
}

function RuntimeControls() {
  const s = useApp((st) => st.live);
  const info = s.workloads.find((w) => w.name === s.workload);
  const params = { ...info?.defaults, ...s.params };
  return (
    <div className="card control-group runtime-group" role="group" aria-labelledby="grp-runtime">
      <div className="group-name" id="grp-runtime">
        Simulated Go runtime
        <span className={`status-pill ${s.running ? 'live' : ''}`}>{s.running ? 'running' : s.connected ? 'stopped' : 'connecting…'}</span>
      </div>
      <button
        type="button"
        className={s.running ? 'btn' : 'btn primary'}
        onClick={() => void (s.running ? live.stopRuntime() : live.startRuntime())}
        disabled={!s.connected}
      >
        {s.running ? 'Stop runtime' : 'Start runtime'}
      </button>
      <SelectField<WorkloadName>
        label="Workload"
        value={s.workload}
        disabled={!s.connected}
        options={s.workloads.map((w) => ({ value: w.name, label: w.label }))}
        onChange={(v) => void live.setWorkload(v)}
      />
      <SelectField
        label="Speed"
        value={String(s.speed)}
        options={SPEEDS.map((v) => ({ value: String(v), label: `${v}×` }))}
        onChange={(v) => void live.setSpeed(Number(v))}
      />
      <SpeedReached />
      {info && <p className="group-note">{info.description}</p>}
      {s.running && (
        <p className="group-note">Changing the workload restarts the program: the timeline starts again (snapshots are kept).</p>
      )}
      <details className="tuning">
        <summary>Tune the workload and the trace format</summary>
        <div className="tuning-fields">
          <SelectField<GoFormat> label="Trace format" value={s.go} options={FORMATS} onChange={(v) => void live.setGoFormat(v)} />
          <NumberField label="GOMAXPROCS" value={params.procs ?? 4} min={1} max={64} step={1} accept={Number.isInteger} onCommit={(v) => void live.setParams({ procs: v })} />
          <NumberField label="Goroutines" value={params.goroutines ?? 100} min={1} max={2000} step={10} accept={Number.isInteger} onCommit={(v) => void live.setParams({ goroutines: v })} />
          <NumberField label="Load" value={params.load ?? 1} min={0} max={4} step={0.25} onCommit={(v) => void live.setParams({ load: v })} />
          <NumberField label="Generation period (ms)" value={params.periodMs ?? 1000} min={10} max={60_000} step={100} onCommit={(v) => void live.setParams({ periodMs: Math.round(v) })} />
        </div>
      </details>
    </div>
  );
}

/**
 * The speed really reached beside the one asked for, and a warning when the simulation falls
 * behind (a busy workload on a small machine reaches about 1× when 8× is asked). The warning
 * sits in a live region that always exists, so it is announced when it appears.
 */
function SpeedReached() {
  const live = useApp((st) => st.live);
  const sp = speedReached(live);
  return (
    <>
      {sp && (
        <span className="speed-reached" data-testid="speed-reached">
          reaching {formatSpeed(sp.reached)} real time
        </span>
      )}
      <div role="status" className="speed-status">
        {sp?.behind && (
          <p className="speed-warning" data-testid="speed-warning">
            The simulation cannot keep up with {sp.asked}× on this machine: it reaches about {formatSpeed(sp.reached)} real time. The
            timeline is in simulated time, so what it shows stays right; it just moves slower than asked. Lower the speed or the load
            to get {sp.asked}×.
          </p>
        )}
      </div>
    </>
  );
}

function FullTraceControls() {
  const s = useApp((st) => st.live);
  const f = s.fullTrace;
  return (
    <div className="card control-group" role="group" aria-labelledby="grp-full">
      <div className="group-name" id="grp-full">
        Full trace
        <span className={`status-pill ${s.fullTracing ? 'rec' : ''}`}>{s.fullTracing ? 'writing' : 'off'}</span>
      </div>
      <button
        type="button"
        className={s.fullTracing ? 'btn on' : 'btn'}
        onClick={() => void (s.fullTracing ? live.stopFullTrace() : live.startFullTrace())}
        disabled={!s.connected || (!s.fullTracing && !s.running)}
      >
        {s.fullTracing ? 'Stop full trace' : 'Start full trace'}
      </button>
      <p className="group-note">
        trace.Start and trace.Stop: every generation from start to stop, in one file. Runs beside the flight recorder.
      </p>
      {f && (
        <p className="group-note" data-testid="full-trace">
          <a href={f.url} download={f.fileName} className="mono">
            {f.fileName}
          </a>{' '}
          · <span data-testid="full-trace-gens">{f.summary ? plural(f.summary.generations.length, 'generation') : '—'}</span> ·{' '}
          <span data-testid="full-trace-bytes">{formatBytes(f.blob.size)}</span>{' '}
          <button type="button" className="link" onClick={() => void openBlob(f.blob, f.fileName, 'full-trace')}>
            Open the full trace
          </button>
        </p>
      )}
    </div>
  );
}
