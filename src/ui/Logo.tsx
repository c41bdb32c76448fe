// The mark: a ring of generations, the newest one highlighted. Colours follow the theme
// (public/icon.svg is the same drawing with the light theme's colours).
export function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="12" fill="none" style={{ stroke: 'var(--line-2)' }} strokeWidth="5" />
      <path d="M16 4a12 12 0 0 1 11.4 8.3" fill="none" style={{ stroke: 'var(--accent)' }} strokeWidth="5" />
      <path d="M27.4 12.3A12 12 0 0 1 24.5 24.5" fill="none" style={{ stroke: 'var(--ring)' }} strokeWidth="5" />
    </svg>
  );
}
