// The flight recorder's controls: FlightRecorderConfig's MaxBytes and MinAge in human units
// (Go's defaults, 10 MiB and 10 s, shown as such), Start/Stop, and Snapshot (WriteTo).

import { useState } from 'react';
import * as live from '../../state/live-actions';
import { GO_DEFAULT_MAX_BYTES, GO_DEFAULT_MIN_AGE_MS, useApp } from '../../state/store';
import { formatBytes, formatDuration } from '../format';
import {
  BYTE_UNITS,
  TIME_UNITS,
  convertBytes,
  convertMs,
  joinBytes,
  joinMs,
  splitBytes,
  splitMs,
  type ByteUnit,
  type TimeUnit,
} from '../units';
import { AmountField } from './fields';

export function RecorderControls() {
  const s = useApp((st) => st.live);
  // The unit shown is the user's choice; the value in it follows the stored bytes / ms.
  const [byteUnit, setByteUnit] = useState<ByteUnit>(() => splitBytes(s.maxBytes).unit);
  const [timeUnit, setTimeUnit] = useState<TimeUnit>(() => splitMs(s.minAgeMs).unit);
  const bytesValue = convertBytes(s.maxBytes, 'B', byteUnit);
  const msValue = convertMs(s.minAgeMs, 'ms', timeUnit);
  const isDefault = s.maxBytes === GO_DEFAULT_MAX_BYTES && s.minAgeMs === GO_DEFAULT_MIN_AGE_MS;
  const pendingLimits = s.recording && s.limits && (s.limits.maxBytes !== s.maxBytes || s.limits.minAgeMs !== s.minAgeMs);

  return (
    <div className="card control-group" role="group" aria-labelledby="grp-recorder">
      <div className="group-name" id="grp-recorder">
        Flight recorder
        <span className={`status-pill ${s.recording ? 'rec' : ''}`}>{s.recording ? 'recording' : 'off'}</span>
      </div>
      <AmountField<ByteUnit>
        label="MaxBytes"
        value={bytesValue}
        unit={byteUnit}
        units={BYTE_UNITS}
        step={byteUnit === 'B' ? 1024 : 1}
        accept={(v, u) => joinBytes(v, u) !== null}
        onCommit={(v, u) => live.setRecorderLimits({ maxBytes: joinBytes(v, u)! })}
        onUnit={setByteUnit}
      />
      <AmountField<TimeUnit>
        label="MinAge"
        value={msValue}
        unit={timeUnit}
        units={TIME_UNITS}
        step={timeUnit === 's' ? 1 : 100}
        accept={(v, u) => joinMs(v, u) !== null}
        onCommit={(v, u) => live.setRecorderLimits({ minAgeMs: joinMs(v, u)! })}
        onUnit={setTimeUnit}
      />
      <button
        type="button"
        className={s.recording ? 'btn on' : 'btn'}
        onClick={() => void (s.recording ? live.stopRecorder() : live.startRecorder())}
        disabled={!s.connected || (!s.recording && !s.running)}
        title={!s.recording && !s.running ? 'Start the runtime first: the recorder records a running program' : undefined}
      >
        {s.recording ? 'Stop recorder' : 'Start recorder'}
      </button>
      <button type="button" className="btn primary" onClick={() => void live.takeSnapshot()} disabled={!s.connected}>
        Snapshot
      </button>
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
