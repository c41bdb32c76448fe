// A profile's records as a flame graph tree: callers above callees, root first, each node's
// value the sum of the samples through it, children widest first. Pure; FlameGraph.tsx lays
// it out. A node remembers the longest single interval below it, for a timeline link.

import type { ProfileRecord } from '../../analysis/profiles/select';
import type { Longest } from '../../analysis/profiles/profile-sink';

export interface FlameNode {
  name: string;
  file: string;
  line: number;
  value: number;
  count: number;
  children: FlameNode[];
  longest: Longest | null;
}

export function flameTree(records: readonly ProfileRecord[], by: 'ns' | 'count'): FlameNode {
  const root: FlameNode = { name: 'all', file: '', line: 0, value: 0, count: 0, children: [], longest: null };
  for (const r of records) {
    const v = by === 'ns' ? r.ns : r.count;
    let node = root;
    add(node, v, r);
    for (let i = r.stack.length - 1; i >= 0; i--) {
      const f = r.stack[i];
      let child = node.children.find((c) => c.name === f.func && c.file === f.file && c.line === Number(f.line));
      if (!child) node.children.push((child = { name: f.func || '?', file: f.file, line: Number(f.line), value: 0, count: 0, children: [], longest: null }));
      node = child;
      add(node, v, r);
    }
  }
  sortTree(root);
  return root;
}

function add(n: FlameNode, v: number, r: ProfileRecord): void {
  n.value += v;
  n.count += r.count;
  if (r.longest && (!n.longest || r.longest.endNs - r.longest.startNs > n.longest.endNs - n.longest.startNs)) n.longest = r.longest;
}

function sortTree(n: FlameNode): void {
  n.children.sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : 1));
  for (const c of n.children) sortTree(c);
}

export interface FlameRect {
  node: FlameNode;
  depth: number;
  /** Fractions of the focused node's width, 0..1. */
  x0: number;
  x1: number;
}

/** Rectangles for the tree below `focus` (focus spans the full width), skipping slivers. */
export function flameLayout(focus: FlameNode, minFrac = 0.002, maxDepth = 64): FlameRect[] {
  const out: FlameRect[] = [];
  const walk = (n: FlameNode, depth: number, x0: number) => {
    const w = focus.value > 0 ? n.value / focus.value : 0;
    if (w < minFrac || depth > maxDepth) return;
    out.push({ node: n, depth, x0, x1: x0 + w });
    let x = x0;
    for (const c of n.children) {
      walk(c, depth + 1, x);
      x += focus.value > 0 ? c.value / focus.value : 0;
    }
  };
  walk(focus, 0, 0);
  return out;
}

/** The path of names from the root to a node (for finding it again), or null. */
export function findPath(root: FlameNode, target: FlameNode): FlameNode[] | null {
  if (root === target) return [root];
  for (const c of root.children) {
    const p = findPath(c, target);
    if (p) return [root, ...p];
  }
  return null;
}
