// One figure in a row of stat tiles: a label, a monospace value (what tests read, by
// testId) and an optional unit or note below it.

export function Stat({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span data-testid={testId}>{value}</span>
        <small>{sub ?? '\u00a0'}</small>
      </dd>
    </div>
  );
}
