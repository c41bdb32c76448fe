// The flight recorder's controls: FlightRecorderConfig's MaxBytes and MinAge in human units
// (Go's defaults, 10 MiB and 10 s, shown as such), Start/Stop, and Snapshot (WriteTo). The
// fields take what Go takes: 0 means the default, a negative MinAge is a valid Duration; a
// negative or fractional byte count is refused with the reason.

import { useId, useState } from 'react';
import * as live from '../../state/live-actions';
import { GO_DEFAULT_MAX_BYTES, GO_DEFAULT_MIN_AGE_MS, useApp } from '../../state/store';
import { RING_MAX_BYTES_CAP, RING_MIN_AGE_CAP_MS } from '../../worker/protocol';
import { formatBytes, formatDuration } from '../format';
import {
  BYTE_UNITS,
  TIME_UNITS,
  checkMaxBytes,
  checkMinAge,
  convertBytes,
  convertMs,
  maxBytesNote,
  minAgeNote,
  splitBytes,
  splitMs,
  type ByteUnit,
  type TimeUnit,
} from '../units';
import { AmountField } from './fields';

/** The limit the recorder applies for a setting (0 means Go's default). */
const effectiveBytes = (n: number) => (n === 0 ? GO_DEFAULT_MAX_BYTES : n);
const effectiveMs = (ms: number) => (Math.round(ms * 1e6) === 0 ? GO_DEFAULT_MIN_AGE_MS : ms);

export function RecorderControls() {
  const s = useApp((st) => st.live);
  const snapHelp = useId();
  // The unit shown is the user's choice; the value in it follows the stored bytes / ms.
  const [byteUnit, setByteUnit] = useState<ByteUnit>(() => (s.maxBytes === 0 ? 'MiB' : splitBytes(s.maxBytes).unit));
  const [timeUnit, setTimeUnit] = useState<TimeUnit>(() => (s.minAgeMs === 0 ? 's' : splitMs(Math.abs(s.minAgeMs)).unit));
  const bytesValue = convertBytes(s.maxBytes, 'B', byteUnit);
  const msValue = convertMs(s.minAgeMs, 'ms', timeUnit);
  const isDefault = s.maxBytes === GO_DEFAULT_MAX_BYTES && s.minAgeMs === GO_DEFAULT_MIN_AGE_MS;
  const pendingLimits =
    s.recording && s.limits && (s.limits.maxBytes !== effectiveBytes(s.maxBytes) || s.limits.minAgeMs !== effectiveMs(s.minAgeMs));
  const check = <T,>(r: { ok: true; value: T } | { ok: false; error: string }) => (r.ok ? null : r.error);

  return (
    <div className="card control-group" role="group" aria-labelledby="grp-recorder">
      <div className="group-name" id="grp-recorder">
        Flight recorder
        <span className={`status-pill ${s.recording ? 'rec' : ''}`}>{s.recording ? 'recording' : 'off'}</span>
      </div>
      {/* Fields in one row and buttons in the next: a field's note (what 0 or a negative
          MinAge means, or why a value is refused) must not push its neighbours out of line. */}
      <div className="recorder-fields">
        <AmountField<ByteUnit>
          label="MaxBytes"
          value={bytesValue}
          unit={byteUnit}
          units={BYTE_UNITS}
          min={0}
          step={byteUnit === 'B' ? 1024 : 1}
          validate={(v, u) => check(checkMaxBytes(v, u, RING_MAX_BYTES_CAP))}
          note={maxBytesNote(s.maxBytes)}
          onCommit={(v, u) => {
            const r = checkMaxBytes(v, u, RING_MAX_BYTES_CAP);
            if (r.ok) live.setRecorderLimits({ maxBytes: r.value });
          }}
          onUnit={setByteUnit}
        />
        <AmountField<TimeUnit>
          label="MinAge"
          value={msValue}
          unit={timeUnit}
          units={TIME_UNITS}
          step={timeUnit === 's' ? 1 : 100}
          validate={(v, u) => check(checkMinAge(v, u, RING_MIN_AGE_CAP_MS))}
          note={minAgeNote(s.minAgeMs)}
          onCommit={(v, u) => {
            const r = checkMinAge(v, u, RING_MIN_AGE_CAP_MS);
            if (r.ok) live.setRecorderLimits({ minAgeMs: r.value });
          }}
          onUnit={setTimeUnit}
        />
      </div>
      <div className="recorder-buttons">
        <button
          type="button"
          className={s.recording ? 'btn on' : 'btn'}
          onClick={() => void (s.recording ? live.stopRecorder() : live.startRecorder())}
          disabled={!s.connected || (!s.recording && !s.running)}
          title={!s.recording && !s.running ? 'Start the runtime first: the recorder records a running program' : undefined}
        >
          {s.recording ? 'Stop recorder' : 'Start recorder'}
        </button>
        <button
          type="button"
          className="btn primary"
          onClick={() => void live.takeSnapshot()}
          disabled={!s.connected || !s.recording}
          aria-describedby={s.recording ? undefined : snapHelp}
        >
          Snapshot
        </button>
        {!s.recording && (
          <span id={snapHelp} className="btn-note">
            Start the flight recorder first: Snapshot writes out what its ring holds.
          </span>
        )}
      </div>
      <p className="group-note">
        {isDefault ? (
          <>Go's defaults: MaxBytes 10 MiB, MinAge 10 s.</>
        ) : (
          <>
            Go's defaults are 10 MiB and 10 s.{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                setByteUnit('MiB');
                setTimeUnit('s');
                live.setRecorderLimits({ maxBytes: GO_DEFAULT_MAX_BYTES, minAgeMs: GO_DEFAULT_MIN_AGE_MS });
              }}
            >
              Use them
            </button>
            .
          </>
        )}{' '}
        {pendingLimits ? (
          <strong className="pending-note">
            Recording with {formatBytes(s.limits!.maxBytes)} / {formatDuration(s.limits!.minAgeMs * 1e6)}; new limits apply at the next Start.
          </strong>
        ) : (
          'The ring keeps the newest generations until it holds more than MaxBytes or spans more than MinAge.'
        )}
      </p>
    </div>
  );
}
