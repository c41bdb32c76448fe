// The visible "Choose a trace file" control: a real <input type=file> with a label, so it
// is reachable by keyboard and by its accessible name.

import { useId, useRef } from 'react';
import { openBlob } from '../../state/inspect-actions';

export function FilePicker({ primary = true, text = 'Choose a trace file…' }: { primary?: boolean; text?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden"
        aria-label="Open a Go trace file"
        tabIndex={-1}
        accept=".trace,.out,.bin,.gz,application/octet-stream,application/gzip"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) void openBlob(f, f.name, 'picker');
          e.currentTarget.value = '';
        }}
      />
      <button type="button" className={primary ? 'btn primary' : 'btn'} onClick={() => input.current?.click()} aria-controls={id}>
        {text}
      </button>
    </>
  );
}
