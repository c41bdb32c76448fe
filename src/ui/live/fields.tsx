// Form fields of the live controls. Each is a native control with a visible label (so it has
// a role and an accessible name and works from the keyboard). Numbers commit on Enter or
// blur, so typing "2" on the way to "256" does not act.

import { useEffect, useId, useState, type ReactNode } from 'react';

export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max?: number;
  step: number;
  disabled?: boolean;
  /** Further validity beyond min/max (a rejected value reverts to the current one). */
  accept?(v: number): boolean;
  onCommit(v: number): void;
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const commit = () => {
    const v = Number(text);
    if (text.trim() !== '' && Number.isFinite(v) && v >= props.min && (props.max === undefined || v <= props.max) && (props.accept?.(v) ?? true)) {
      if (v !== props.value) props.onCommit(v);
    } else setText(String(props.value));
  };
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
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        {props.children}
      </div>
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
  /** Whether value × unit is acceptable. */
  accept(value: number, unit: U): boolean;
  onCommit(value: number, unit: U): void;
  onUnit(unit: U): void;
}) {
  return (
    <NumberField
      label={props.label}
      value={props.value}
      min={0}
      step={props.step}
      accept={(v) => props.accept(v, props.unit)}
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
