/**
 * Repair throughput in MB/s (of input bytes) on clean and on corrupted text, against two baselines
 * measured in the same run: the floor (`Buffer.toString('utf8')` + NFC) and a straightforward
 * per-line re-decode (each line with a suspect character encoded to cp1252 and decoded as UTF-8).
 * Run: `npx tsx bench/bench.ts [MB]` (default 32 MB per corpus).
 */
import { readFileSync, readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { repairBytes } from '../src/decode.ts';
import { asCp1252, lossy } from '../test/helpers.ts';

const megabytes = Number(process.argv[2] ?? 32);
const here = (path: string): URL => new URL(path, import.meta.url);
const seeds = here('../../../seeds/');
const clean = [
  readFileSync(here('../test/fixtures/clean-corpus.txt'), 'utf8'),
  ...readdirSync(seeds)
    .filter((name) => name.endsWith('.txt') && !name.startsWith('001_'))
    .map((name) => readFileSync(new URL(name, seeds), 'utf8')),
].join('\n');

function corpus(text: string): Buffer {
  const unit = Buffer.from(text, 'utf8');
  return Buffer.concat(Array.from({ length: Math.ceil((megabytes * 1e6) / unit.length) }, () => unit));
}

const floor = (bytes: Buffer): string => bytes.toString('utf8').normalize('NFC');

function perLine(bytes: Buffer): string {
  return bytes
    .toString('utf8')
    .split('\n')
    .map((line) => {
      if (!/[\u00c2-\u00f4]/.test(line)) return line;
      const redecoded = iconv.encode(line, 'win1252');
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(redecoded);
      } catch {
        return line;
      }
    })
    .join('\n')
    .normalize('NFC');
}

function rate(run: (bytes: Buffer) => unknown, bytes: Buffer): number {
  run(bytes.subarray(0, 1e6)); // warm up the JIT
  const start = process.hrtime.bigint();
  run(bytes);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return bytes.length / 1e6 / seconds;
}

const corpora = {
  clean: corpus(clean),
  'cp1252 mojibake': corpus(asCp1252(clean)),
  'lossy mojibake': corpus(lossy(clean)),
};
console.log(`corpus size ≈ ${megabytes} MB each; MB/s of input bytes, one core`);
console.log(['corpus', 'repairBytes', 'floor (utf8+NFC)', 'per-line re-decode'].join('\t'));
for (const [name, bytes] of Object.entries(corpora)) {
  const figures = [rate(repairBytes, bytes), rate(floor, bytes), rate(perLine, bytes)].map((value) => value.toFixed(1));
  console.log([name, ...figures].join('\t'));
}
