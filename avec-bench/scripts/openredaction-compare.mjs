// Runs @openredaction/openredaction on the synthetic French corpus exported by `avec deid evaluate --export`
// and prints, per label, the share of gold entities whose letters and digits it covers (whatever type it
// gives them: its types do not map one to one onto ours), the share of documents with zero leak, and its
// throughput. Usage: node openredaction-compare.mjs corpus.jsonl
import { readFileSync } from 'node:fs';
import { OpenRedaction } from '@openredaction/openredaction';

const docs = readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
const shield = new OpenRedaction();
for (const d of docs.slice(0, 50)) await shield.detect(d.text); // warm-up
const perLabel = {};
let clean = 0, chars = 0, nanos = 0n;
const isAlnum = c => /[\p{L}\p{N}]/u.test(c);
for (const d of docs) {
  const t0 = process.hrtime.bigint();
  const result = await shield.detect(d.text);
  nanos += process.hrtime.bigint() - t0;
  chars += d.text.length;
  const covered = new Uint8Array(d.text.length);
  for (const det of result.detections) {
    const [s, e] = det.position;
    for (let i = Math.max(0, s); i < Math.min(e, d.text.length); i++) covered[i] = 1;
  }
  let leak = false;
  for (const g of d.gold) {
    const p = (perLabel[g.label] ??= { gold: 0, covered: 0 });
    p.gold++;
    let safe = true;
    for (let i = g.start; i < g.end; i++) if (isAlnum(d.text[i]) && !covered[i]) { safe = false; break; }
    if (safe) p.covered++; else leak = true;
  }
  if (!leak) clean++;
}
console.log('@openredaction/openredaction (default configuration)');
console.log('label           gold  protected');
for (const [label, p] of Object.entries(perLabel)) {
  console.log(`${label.padEnd(15)} ${String(p.gold).padStart(5)}  ${(p.covered / p.gold).toFixed(3)}`);
}
console.log(`Documents with zero leak: ${clean} / ${docs.length} (${(100 * clean / docs.length).toFixed(1)} %)`);
console.log(`Throughput (one thread, after warm-up): ${(chars / (Number(nanos) / 1e9) / 1e6).toFixed(2)} MB/s, ` +
  `${(Number(nanos) / 1e6 / docs.length).toFixed(2)} ms per document`);
