// Vertical layout of the timeline's lanes: sections (generations, GC, counters, Ps, Ms,
// annotations, goroutines) with collapsible headers, fixed lanes, and goroutine groups whose
// rows are all the same height. Building costs one step per header or fixed lane, never per
// goroutine: a group of 100,000 goroutines is one block of uniform rows, and the rows inside
// the visible window are found by arithmetic. Pure, in cssPx of "content" space (0 = top of
// the first section), tested without a DOM.

export interface LaneSpec {
  readonly key: string;
  readonly label: string;
  readonly heightCssPx: number;
  /** A secondary line under the label (a count, a unit). */
  readonly sub?: string;
}

export interface GroupSpec {
  readonly key: string;
  readonly title: string;
  /** Rows in the group (after any filter). */
  readonly count: number;
}

export interface SectionSpec {
  readonly key: string;
  readonly title: string;
  readonly lanes?: readonly LaneSpec[];
  /** Goroutine groups, each a collapsible header over `count` uniform rows. */
  readonly groups?: readonly GroupSpec[];
  readonly collapsedByDefault?: boolean;
}

export interface LayoutOptions {
  readonly headerCssPx: number;
  readonly groupHeaderCssPx: number;
  readonly rowCssPx: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { headerCssPx: 24, groupHeaderCssPx: 22, rowCssPx: 18 };

export type Row =
  | { readonly kind: 'section'; readonly key: string; readonly title: string; readonly collapsed: boolean; readonly y: number; readonly h: number; readonly block: number }
  | { readonly kind: 'lane'; readonly key: string; readonly lane: LaneSpec; readonly section: string; readonly y: number; readonly h: number; readonly block: number }
  | { readonly kind: 'group'; readonly key: string; readonly title: string; readonly count: number; readonly collapsed: boolean; readonly section: string; readonly y: number; readonly h: number; readonly block: number }
  | { readonly kind: 'row'; readonly group: string; readonly groupIndex: number; readonly index: number; readonly y: number; readonly h: number; readonly block: number };

type Block =
  | { kind: 'section'; key: string; title: string; collapsed: boolean; h: number }
  | { kind: 'lane'; lane: LaneSpec; section: string; h: number }
  | { kind: 'group'; key: string; title: string; count: number; collapsed: boolean; section: string; groupIndex: number; h: number }
  | { kind: 'rows'; group: string; groupIndex: number; count: number; rowH: number; h: number };

/** Whether a header is collapsed: its default, flipped when its key is in `toggled`. */
export function isCollapsed(key: string, byDefault: boolean, toggled: ReadonlySet<string>): boolean {
  return toggled.has(key) !== byDefault;
}

export class LaneLayout {
  private readonly blocks: Block[] = [];
  /** Top of each block (content cssPx); one more entry for the end. */
  private readonly tops: Float64Array;
  /** For each block: the block index of its section header, and of its group header (or -1). */
  private readonly sectionOf: Int32Array;
  private readonly groupOf: Int32Array;
  readonly totalCssPx: number;

  constructor(sections: readonly SectionSpec[], toggled: ReadonlySet<string>, readonly opts: LayoutOptions = DEFAULT_LAYOUT) {
    const sectionOf: number[] = [];
    const groupOf: number[] = [];
    const push = (b: Block, s: number, g: number) => {
      this.blocks.push(b);
      sectionOf.push(s);
      groupOf.push(g);
    };
    let groupIndex = 0;
    for (const sec of sections) {
      const collapsed = isCollapsed(sec.key, sec.collapsedByDefault ?? false, toggled);
      const s = this.blocks.length;
      push({ kind: 'section', key: sec.key, title: sec.title, collapsed, h: opts.headerCssPx }, s, -1);
      for (const lane of sec.lanes ?? []) {
        if (!collapsed) push({ kind: 'lane', lane, section: sec.key, h: lane.heightCssPx }, s, -1);
      }
      for (const grp of sec.groups ?? []) {
        const gi = groupIndex++;
        if (collapsed) continue;
        const gCollapsed = isCollapsed(grp.key, false, toggled);
        const g = this.blocks.length;
        push({ kind: 'group', key: grp.key, title: grp.title, count: grp.count, collapsed: gCollapsed, section: sec.key, groupIndex: gi, h: opts.groupHeaderCssPx }, s, g);
        if (!gCollapsed && grp.count > 0) {
          push({ kind: 'rows', group: grp.key, groupIndex: gi, count: grp.count, rowH: opts.rowCssPx, h: grp.count * opts.rowCssPx }, s, g);
        }
      }
    }
    this.tops = new Float64Array(this.blocks.length + 1);
    for (let i = 0; i < this.blocks.length; i++) this.tops[i + 1] = this.tops[i] + this.blocks[i].h;
    this.totalCssPx = this.tops[this.blocks.length];
    this.sectionOf = Int32Array.from(sectionOf);
    this.groupOf = Int32Array.from(groupOf);
  }

  /** Index of the block containing content y (clamped to the first/last block). */
  private blockAt(y: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tops[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private rowOf(b: number, index: number): Row {
    const blk = this.blocks[b];
    const top = this.tops[b];
    switch (blk.kind) {
      case 'section':
        return { kind: 'section', key: blk.key, title: blk.title, collapsed: blk.collapsed, y: top, h: blk.h, block: b };
      case 'lane':
        return { kind: 'lane', key: blk.lane.key, lane: blk.lane, section: blk.section, y: top, h: blk.h, block: b };
      case 'group':
        return { kind: 'group', key: blk.key, title: blk.title, count: blk.count, collapsed: blk.collapsed, section: blk.section, y: top, h: blk.h, block: b };
      case 'rows':
        return { kind: 'row', group: blk.group, groupIndex: blk.groupIndex, index, y: top + index * blk.rowH, h: blk.rowH, block: b };
    }
  }

  /** Every row that overlaps [top, bottom), in order: the visible part only. */
  visible(top: number, bottom: number): Row[] {
    const out: Row[] = [];
    if (this.blocks.length === 0 || bottom <= top) return out;
    for (let b = Math.max(0, this.blockAt(top)); b < this.blocks.length && this.tops[b] < bottom; b++) {
      const blk = this.blocks[b];
      if (blk.kind !== 'rows') {
        if (this.tops[b + 1] > top) out.push(this.rowOf(b, 0));
        continue;
      }
      const first = Math.max(0, Math.floor((top - this.tops[b]) / blk.rowH));
      const last = Math.min(blk.count - 1, Math.floor((bottom - 1e-9 - this.tops[b]) / blk.rowH));
      for (let i = first; i <= last; i++) out.push(this.rowOf(b, i));
    }
    return out;
  }

  /** The row at content y, or null past the end. */
  rowAt(y: number): Row | null {
    if (y < 0 || y >= this.totalCssPx) return null;
    const b = this.blockAt(y);
    const blk = this.blocks[b];
    return this.rowOf(b, blk.kind === 'rows' ? Math.min(blk.count - 1, Math.floor((y - this.tops[b]) / blk.rowH)) : 0);
  }

  /**
   * The headers to pin at the top of the view when their section or group has scrolled under
   * it, each with the y (relative to the view's top, ≤ 0 when the next header pushes it up)
   * at which to draw it, so a reader deep in a long list still sees whose rows these are.
   */
  sticky(top: number): { readonly row: Row; readonly offset: number }[] {
    if (this.blocks.length === 0 || top <= 0) return [];
    const b = this.blockAt(top);
    const out: { row: Row; offset: number }[] = [];
    const s = this.sectionOf[b];
    let pinnedH = 0;
    if (s >= 0 && s !== b) {
      const end = this.sectionEnd(s);
      const h = this.blocks[s].h;
      out.push({ row: this.rowOf(s, 0), offset: Math.min(0, end - top - h) });
      pinnedH = h;
    }
    const g = this.groupOf[b];
    // The group header pins under the section header, and only when it has scrolled under it.
    if (g >= 0 && this.tops[g] < top + pinnedH) {
      const end = this.tops[g + 1] + (this.blocks[g + 1]?.kind === 'rows' ? this.blocks[g + 1].h : 0);
      const h = this.blocks[g].h;
      out.push({ row: this.rowOf(g, 0), offset: Math.min(pinnedH, end - top - h) });
    }
    return out;
  }

  private sectionEnd(s: number): number {
    let i = s + 1;
    while (i < this.blocks.length && this.blocks[i].kind !== 'section') i++;
    return this.tops[i];
  }

  /** The content y of a fixed lane or section/group header by key, or of row `index` of a group. */
  yOf(key: string, index?: number): number | null {
    for (let b = 0; b < this.blocks.length; b++) {
      const blk = this.blocks[b];
      if (index !== undefined) {
        if (blk.kind === 'rows' && blk.group === key && index < blk.count) return this.tops[b] + index * blk.rowH;
        continue;
      }
      if ((blk.kind === 'section' || blk.kind === 'group') && blk.key === key) return this.tops[b];
      if (blk.kind === 'lane' && blk.lane.key === key) return this.tops[b];
    }
    return null;
  }
}

/**
 * Browsers cap an element's height (Chromium near 16.7 M px), so a list taller than
 * MAX_SCROLL_CSS_PX scrolls a shorter spacer and maps its scroll position onto the content
 * linearly; below the cap the two are the same.
 */
export const MAX_SCROLL_CSS_PX = 8_000_000;

export function spacerHeight(totalCssPx: number): number {
  return Math.min(totalCssPx, MAX_SCROLL_CSS_PX);
}

export function scrollToContent(scrollTop: number, totalCssPx: number, viewCssPx: number): number {
  const spacer = spacerHeight(totalCssPx);
  if (spacer === totalCssPx || spacer <= viewCssPx) return scrollTop;
  return (scrollTop * (totalCssPx - viewCssPx)) / (spacer - viewCssPx);
}

export function contentToScroll(contentTop: number, totalCssPx: number, viewCssPx: number): number {
  const spacer = spacerHeight(totalCssPx);
  if (spacer === totalCssPx || spacer <= viewCssPx) return contentTop;
  return (contentTop * (spacer - viewCssPx)) / (totalCssPx - viewCssPx);
}
