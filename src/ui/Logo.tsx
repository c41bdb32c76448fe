// The mark: a ring of generations, the newest one highlighted.
export function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="12" fill="none" stroke="#c7ccd5" strokeWidth="5" />
      <path d="M16 4a12 12 0 0 1 11.4 8.3" fill="none" stroke="#0b63ce" strokeWidth="5" />
      <path d="M27.4 12.3A12 12 0 0 1 24.5 24.5" fill="none" stroke="#0b8a5f" strokeWidth="5" />
    </svg>
  );
}
