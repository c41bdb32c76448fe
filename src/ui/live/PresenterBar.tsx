// Presenter mode's controls: what a speaker needs, in one row of large buttons, each with its
// key (shortcuts.ts), plus the workload and speed. The full controls return when presenter
// mode is left.

import * as live from '../../state/live-actions';
import { speedReached } from '../../state/live-model';
import { useApp } from '../../state/store';
import type { WorkloadName } from '../../worker/protocol';
import { formatBytes, formatDuration, formatSpeed } from '../format';
import { SelectField } from './fields';
import { SHORTCUTS } from './shortcuts';

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];

export function PresenterBar() {
  const s = useApp((st) => st.live);
  const f = s.triggerForm;
  const armed = f.slowRequestOn || f.gcPauseOn;
  const sp = speedReached(s);
  return (
    <div className="card presenter-bar" role="region" aria-label="Presenter controls">
      <div className="presenter-buttons">
        <button type="button" className={s.running ? 'btn' : 'btn primary'} aria-keyshortcuts="R" disabled={!s.connected} onClick={() => void (s.running ? live.stopRuntime() : live.startRuntime())}>
          {s.running ? 'Stop runtime' : 'Start runtime'} <kbd aria-hidden="true">R</kbd>
        </button>
        <button
          type="button"
          className={s.recording ? 'btn on' : 'btn'}
          aria-keyshortcuts="E"
          disabled={!s.connected || (!s.recording && !s.running)}
          onClick={() => void (s.recording ? live.stopRecorder() : live.startRecorder())}
        >
          {s.recording ? 'Stop recorder' : 'Start recorder'} <kbd aria-hidden="true">E</kbd>
        </button>
        <button type="button" className="btn primary" aria-keyshortcuts="S" disabled={!s.connected || !s.recording} onClick={() => void live.takeSnapshot()}>
          Snapshot <kbd aria-hidden="true">S</kbd>
        </button>
        <button type="button" className={armed ? 'btn on' : 'btn'} aria-keyshortcuts="T" aria-pressed={armed} onClick={() => void live.toggleTriggers()}>
          {armed ? `Trigger on (> ${f.slowRequestOn ? `${f.slowRequestMs} ms` : `${f.gcPauseMs} ms GC`})` : 'Trigger off'} <kbd aria-hidden="true">T</kbd>
        </button>
        <SelectField<WorkloadName>
          label="Workload"
          value={s.workload}
          disabled={!s.connected}
          options={s.workloads.map((w) => ({ value: w.name, label: w.label }))}
          onChange={(v) => void live.setWorkload(v)}
        />
        <SelectField label="Speed" value={String(s.speed)} options={SPEEDS.map((v) => ({ value: String(v), label: `${v}×` }))} onChange={(v) => void live.setSpeed(Number(v))} />
        <button type="button" className="btn" aria-keyshortcuts="P Escape" onClick={() => live.setPresenter(false)}>
          Exit presenter <kbd aria-hidden="true">P</kbd>
        </button>
      </div>
      <p className="presenter-facts">
        {s.limits ? `Ring limits: MaxBytes ${formatBytes(s.limits.maxBytes)}, MinAge ${formatDuration(s.limits.minAgeMs * 1e6)}` : 'Recorder off'}
        {sp && ` · running at ${formatSpeed(sp.reached)} real time${sp.behind ? ` (${sp.asked}× asked: cannot keep up)` : ''}`}
      </p>
      <p className="presenter-keys" aria-label="Keyboard shortcuts">
        {SHORTCUTS.map((k) => (
          <span key={k.key}>
            <kbd>{k.key}</kbd> {k.what}
          </span>
        ))}
      </p>
    </div>
  );
}
