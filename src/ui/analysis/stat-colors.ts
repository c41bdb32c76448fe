// One colour per kind of goroutine time, through the theme's custom properties.

export function statColor(name: string): string {
  if (name === 'Execution time') return 'var(--ring)';
  if (name === 'Sched wait time') return 'var(--accent)';
  if (name === 'Syscall execution time') return 'var(--cause-bytes)';
  if (name === 'Unknown time') return 'var(--evicted-edge)';
  if (name.startsWith('Block time')) return name === 'Block time (syscall)' ? 'var(--writing)' : 'var(--cause-age)';
  return 'var(--gen)';
}
