import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { contentToScroll, LaneLayout, MAX_SCROLL_CSS_PX, scrollToContent, spacerHeight, type SectionSpec } from './lane-layout';

const opts = { headerCssPx: 20, groupHeaderCssPx: 10, rowCssPx: 5 };

const sections: SectionSpec[] = [
  { key: 'gc', title: 'GC', lanes: [{ key: 'gc', label: 'GC', heightCssPx: 30 }, { key: 'stw', label: 'STW', heightCssPx: 12 }] },
  { key: 'ms', title: 'Threads', lanes: [{ key: 'm1', label: 'M1', heightCssPx: 16 }], collapsedByDefault: true },
  {
    key: 'gs',
    title: 'Goroutines',
    groups: [
      { key: 'main.worker', title: 'main.worker', count: 100_000 },
      { key: 'main.main', title: 'main.main', count: 1 },
    ],
  },
];

describe('LaneLayout', () => {
  it('stacks headers, fixed lanes and uniform rows; a collapsed section shows its header only', () => {
    const L = new LaneLayout(sections, new Set(), opts);
    // 20 + 30 + 12 | 20 (Ms collapsed) | 20 + 10 + 100000*5 + 10 + 5
    expect(L.totalCssPx).toBe(62 + 20 + 20 + 10 + 500_000 + 15);
    const top = L.visible(0, 70).map((r) => `${r.kind}:${r.y}`);
    expect(top).toEqual(['section:0', 'lane:20', 'lane:50', 'section:62']);
  });

  it('finds the visible goroutine rows by arithmetic, however long the group', () => {
    const L = new LaneLayout(sections, new Set(), opts);
    const rowsTop = 62 + 20 + 20 + 10; // first goroutine row
    const v = L.visible(rowsTop + 5 * 50_000 + 2, rowsTop + 5 * 50_000 + 2 + 20);
    expect(v.map((r) => (r.kind === 'row' ? r.index : -1))).toEqual([50_000, 50_001, 50_002, 50_003, 50_004]);
    expect(v[0].y).toBe(rowsTop + 5 * 50_000);
    const r = L.rowAt(rowsTop + 5 * 77_777 + 4.9);
    expect(r).toMatchObject({ kind: 'row', group: 'main.worker', index: 77_777 });
  });

  it('toggling flips a header from its default: Ms open, a goroutine group closed', () => {
    const L = new LaneLayout(sections, new Set(['ms', 'main.worker']), opts);
    expect(L.visible(0, 1e9).map((r) => r.kind === 'section' || r.kind === 'group' ? `${r.key}${r.collapsed ? '+' : '-'}` : r.kind)).toEqual([
      'gc-', 'lane', 'lane', 'ms-', 'lane', 'gs-', 'main.worker+', 'main.main-', 'row',
    ]);
    expect(L.totalCssPx).toBe(62 + 36 + 20 + 10 + 10 + 5);
  });

  it('every row the window returns is inside it, in order, and rowAt agrees (random windows)', () => {
    const L = new LaneLayout(sections, new Set(['ms']), opts);
    const rnd = seededRandom(11);
    for (let i = 0; i < 60; i++) {
      const top = rnd() * L.totalCssPx;
      const h = 1 + rnd() * 900;
      const v = L.visible(top, top + h);
      expect(v.length).toBeGreaterThan(0);
      expect(v[0].y).toBeLessThanOrEqual(top);
      for (let k = 0; k < v.length; k++) {
        expect(v[k].y + v[k].h).toBeGreaterThan(top);
        expect(v[k].y).toBeLessThan(top + h);
        if (k > 0) expect(v[k].y).toBe(v[k - 1].y + v[k - 1].h);
      }
      const probe = top + rnd() * h;
      if (probe < L.totalCssPx) {
        const r = L.rowAt(probe)!;
        expect(r.y <= probe && probe < r.y + r.h).toBe(true);
      }
    }
  });

  it('pins the section and group headers a long list has scrolled under, pushed up by the next header', () => {
    const L = new LaneLayout(sections, new Set(), opts);
    const groupTop = 62 + 20 + 20;
    const pinned = L.sticky(groupTop + 1000);
    expect(pinned.map((p) => [p.row.kind, p.offset])).toEqual([['section', 0], ['group', 20]]);
    // Near the end of main.worker's rows, its header slides up as main.main's comes in.
    const end = groupTop + 10 + 500_000;
    const near = L.sticky(end - 25);
    expect(near[1].row).toMatchObject({ kind: 'group', key: 'main.worker' });
    expect(near[1].offset).toBe(15);
    expect(L.sticky(0)).toEqual([]);
  });

  it('yOf finds lanes, headers and a group row', () => {
    const L = new LaneLayout(sections, new Set(), opts);
    expect(L.yOf('stw')).toBe(50);
    expect(L.yOf('main.main')).toBe(62 + 20 + 20 + 10 + 500_000);
    expect(L.yOf('main.worker', 3)).toBe(62 + 20 + 20 + 10 + 15);
    expect(L.yOf('nope')).toBeNull();
  });
});

describe('scroll mapping past the browser height cap', () => {
  it('is the identity below the cap', () => {
    expect(spacerHeight(1000)).toBe(1000);
    expect(scrollToContent(300, 1000, 400)).toBe(300);
  });
  it('maps the spacer ends onto the content ends above it, and round-trips', () => {
    const total = 20_000_000;
    expect(spacerHeight(total)).toBe(MAX_SCROLL_CSS_PX);
    expect(scrollToContent(MAX_SCROLL_CSS_PX - 800, total, 800)).toBeCloseTo(total - 800, 3);
    expect(scrollToContent(0, total, 800)).toBe(0);
    expect(scrollToContent(contentToScroll(12_345_678, total, 800), total, 800)).toBeCloseTo(12_345_678, 3);
  });
});
