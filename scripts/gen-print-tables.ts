// Regenerates src/trace/go/print-table.ts: the code points Go's strconv.IsPrint accepts, per
// toolchain, by running scripts/go/print-ranges.go with each (Go 1.26 has Unicode 15.0's
// tables, Go 1.27 Unicode 17.0's). Needs both toolchains.
//
//   npx tsx scripts/gen-print-tables.ts
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLCHAINS = [
  { name: 'GO_PRINT_RANGES_1_26', toolchain: 'local', want: 'go1.26' },
  { name: 'GO_PRINT_RANGES_1_27', toolchain: 'go1.27.3', want: 'go1.27' },
];

let out = `// Code points Go's strconv.IsPrint accepts, as ranges, per Go release: Go 1.26 has Unicode
// 15.0.0's tables, Go 1.27 Unicode 17.0.0's. Written by scripts/gen-print-tables.ts, which runs
// IsPrint over every code point with each toolchain; stored because the host's Unicode tables
// (Node, browsers) are different again and would quote differently.
// Format: comma-separated base-36 numbers in pairs (gap from the end of the previous range,
// length of this range).
`;
for (const t of TOOLCHAINS) {
  const env = { ...process.env, GOTOOLCHAIN: t.toolchain };
  const v = spawnSync('go', ['env', 'GOVERSION'], { env, encoding: 'utf8' }).stdout.trim();
  if (!v.startsWith(t.want)) throw new Error(`${t.toolchain} is ${v}, not ${t.want}`);
  const r = spawnSync('go', ['run', join(ROOT, 'scripts/go/print-ranges.go')], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  out += `\n/** ${v}, ${r.stderr.trim()}. */\nexport const ${t.name} =\n  '${r.stdout.trim()}';\n`;
}
writeFileSync(join(ROOT, 'src/trace/go/print-table.ts'), out);
console.log('wrote src/trace/go/print-table.ts');
