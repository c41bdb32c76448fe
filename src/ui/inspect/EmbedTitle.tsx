// The title an embedding page gave the trace it sent (ui/embedding.ts), and who sent it; the
// tab's title follows while that trace is open.

import { useEffect } from 'react';
import { useApp } from '../../state/store';
import '../shell.css';

export function EmbedTitle() {
  const embed = useApp((s) => s.inspect.embed);
  useEffect(() => {
    if (!embed) return;
    const before = document.title;
    document.title = `${embed.title} — Flightdeck`;
    return () => {
      document.title = before;
    };
  }, [embed]);
  if (!embed) return null;
  return (
    <p className="embed-title" data-testid="embed-title">
      {embed.title}
      <span className="from">sent by {embed.from === 'null' ? 'a page with no origin' : embed.from}</span>
    </p>
  );
}
