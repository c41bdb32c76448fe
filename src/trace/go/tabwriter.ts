// Column alignment as Go's text/tabwriter does it (format/writeLines in
// src/text/tabwriter/tabwriter.go), for the settings the trace dumps use: left-aligned
// cells padded with a non-tab character, no flags. Cells are tab-terminated; the text after
// a line's last tab is not part of any column. Widths count runes, as Go's does.
// Not covered: escapes (0xff), HTML filtering, tab padding, AlignRight, DiscardEmptyColumns.

import { runeCount, utf8Binary } from './strconv';

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
  padchar: string;
}

interface Cell {
  text: string;
  width: number;
}

export function tabwriterFormat(text: string, opts: TabwriterOptions): string {
  if (opts.padchar === '\t') throw new RangeError('tab padding is not supported');
  const lines: Cell[][] = text.split('\n').map((line) =>
    line.split('\t').map((t) => ({ text: t, width: runeCount(utf8Binary(t)) })),
  );
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      let s = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += c.text;
        if (j < widths.length) s += opts.padchar.repeat(widths[j] - c.width);
      }
      out.push(s);
      if (i + 1 !== lines.length) out.push('\n');
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue;
      // A column block starts here: print what came before it, then size the block.
      writeLines(line0, cur);
      line0 = cur;
      let width = opts.minwidth;
      for (; cur < line1; cur++) {
        const line = lines[cur];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + opts.padding);
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
      // Go's loop increments past the line that ended the block; mirror that.
      if (cur >= line1) return writeLines(line0, line1);
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
}
