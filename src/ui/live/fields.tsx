// Form fields of the live controls. Each is a native control with a visible label (so it has
// a role and an accessible name and works from the keyboard). Numbers commit on Enter or
// blur, so typing "2" on the way to "256" does not act. A value that cannot be taken is
// either reverted (accept) or kept, marked invalid and explained (validate).

import { useEffect, useId, useState, type ReactNode } from 'react';

export function NumberField(props: {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step: number;
  disabled?: boolean;
  /** Further validity beyond min/max (a rejected value reverts to the current one). */
  accept?(v: number): boolean;
  /**
   * Why a typed value cannot be taken, or null: unlike `accept`, the text stays as typed, the
   * field is marked invalid and the reason is its description, so the user can correct it.
   */
  validate?(v: number): string | null;
  /** What the value in force means, when that needs saying ("0 means Go’s default"). */
  note?: string | null;
  onCommit(v: number): void;
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(props.value));
    setError(null);
  }, [props.value]);
  const commit = () => {
    const v = Number(text);
    const typed = text.trim() !== '' && Number.isFinite(v);
    // With validate, it alone judges the value (min/max then only guide the spin arrows).
    const inRange = typed && (props.validate !== undefined || ((props.min === undefined || v >= props.min) && (props.max === undefined || v <= props.max)));
    if (inRange && props.validate) {
      const why = props.validate(v);
      setError(why);
      if (why === null && v !== props.value) props.onCommit(v);
      return;
    }
    if (inRange && (props.accept?.(v) ?? true)) {
      if (v !== props.value) props.onCommit(v);
    } else if (props.validate) {
      setError('Type a number.');
    } else setText(String(props.value));
  };
  const described = error ?? props.note ?? null;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="field-row">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={props.min}
          max={props.max}
          step={props.step}
          value={text}
          disabled={props.disabled}
          aria-invalid={error !== null ? true : undefined}
          aria-describedby={described !== null ? `${id}-note` : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        {props.children}
      </div>
      {described !== null && (
        <span id={`${id}-note`} className={error !== null ? 'field-note field-error' : 'field-note'} role={error !== null ? 'alert' : undefined}>
          {described}
        </span>
      )}
    </div>
  );
}

/** A number with a unit picker beside it: "16 [KiB]", "10 [s]". */
export function AmountField<U extends string>(props: {
  label: string;
  value: number;
  unit: U;
  units: readonly U[];
  step: number;
  min?: number;
  /** Why value × unit cannot be taken, or null (see NumberField.validate). */
  validate(value: number, unit: U): string | null;
  note?: string | null;
  onCommit(value: number, unit: U): void;
  onUnit(unit: U): void;
}) {
  return (
    <NumberField
      label={props.label}
      value={props.value}
      min={props.min}
      step={props.step}
      validate={(v) => props.validate(v, props.unit)}
      note={props.note}
      onCommit={(v) => props.onCommit(v, props.unit)}
    >
      <select aria-label={`${props.label} unit`} value={props.unit} onChange={(e) => props.onUnit(e.currentTarget.value as U)}>
        {props.units.map((u) => (
          <option key={u} value={u}>
            {u}
          </option>
        ))}
      </select>
    </NumberField>
  );
}

export function SelectField<V extends string>(props: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  disabled?: boolean;
  onChange(v: V): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
