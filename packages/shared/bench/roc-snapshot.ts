/**
 * Byte-identity check for engine changes. `npx tsx packages/shared/bench/roc-snapshot.ts write FILE`
 * records the engine's JSON results for the benchmark's stride pairs (compiled, routes 0 and 3, some
 * also through `evaluate`) and for random cases (the oracle's small definitions and benchmark-style
 * ones, through `evaluate`, `evaluateCompiled` and `evaluateCompiled` with an empty record);
 * `... compare FILE` recomputes them and reports every difference (exit status 1 if any).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { compileQualification, evaluate, evaluateCompiled, RocTooComplexError } from '../src/rules';
import { smallCase, syntheticCase } from '../src/rules/random-models';
import type { Achievement, CatalogueUnit, QualificationDefinition } from '../src/schemas';
import { randomSmallCase } from './random-case';
import { benchmarkWorld } from './synthetic';

const ON = '2026-06-01';

function attempt(f: () => unknown): string {
  try {
    return JSON.stringify(f());
  } catch (e) {
    if (e instanceof RocTooComplexError) return 'too complex';
    throw e;
  }
}

function lcg(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

function results(pairCount: number, randomCount: number): Map<string, string> {
  const out = new Map<string, string>();
  const { syn, qualUnits, pairs } = benchmarkWorld();
  const compiled = new Map<number, ReturnType<typeof compileQualification>>();
  for (let k = 0; k < pairCount; k++) {
    const [li, qi] = pairs[(k * 7919) % pairs.length] as [number, number];
    const qualification = syn.qualifications[qi] as QualificationDefinition;
    const units = qualUnits[qi] as CatalogueUnit[];
    const achievements = syn.learners[li] as Achievement[];
    let c = compiled.get(qi);
    if (!c) {
      c = compileQualification(qualification, units);
      compiled.set(qi, c);
    }
    const cq = c;
    const routes = k % 3 === 0 ? 3 : 0;
    out.set(
      `pair ${li} ${qi} r${routes}`,
      attempt(() => evaluateCompiled(cq, { achievements, on: ON, routes })),
    );
    if (k % 4 === 0)
      out.set(
        `pair ${li} ${qi} r${routes} evaluate`,
        attempt(() => evaluate({ qualification, units, achievements, on: ON, routes })),
      );
  }
  const rand = lcg(12345);
  for (let i = 0; i < randomCount; i++) {
    const kind = i % 3;
    const c = kind === 0 ? randomSmallCase(rand) : kind === 1 ? smallCase(rand) : syntheticCase(rand);
    const routes = Math.floor(rand() * 5);
    out.set(
      `random ${i} evaluate`,
      attempt(() => evaluate({ ...c, routes })),
    );
    const cq = compileQualification(c.qualification, c.units);
    out.set(
      `random ${i} compiled`,
      attempt(() => evaluateCompiled(cq, { achievements: c.achievements, on: c.on, routes })),
    );
    out.set(
      `random ${i} empty`,
      attempt(() => evaluateCompiled(cq, { achievements: [], on: c.on, routes })),
    );
  }
  return out;
}

function main(): void {
  const [mode, file, pairsArg, randomArg] = process.argv.slice(2);
  if ((mode !== 'write' && mode !== 'compare') || !file) {
    console.error('usage: roc-snapshot.ts write|compare FILE [pairs=13000] [random=12000]');
    process.exit(2);
  }
  const t0 = performance.now();
  const got = results(Number(pairsArg ?? 13_000), Number(randomArg ?? 12_000));
  const digest = createHash('sha256');
  for (const [k, v] of got) digest.update(`${k}\n${v}\n`);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (mode === 'write') {
    writeFileSync(file, JSON.stringify(Object.fromEntries(got)));
    console.log(
      `wrote ${got.size} results to ${file} in ${seconds} s (sha256 ${digest.digest('hex').slice(0, 16)})`,
    );
    return;
  }
  const expected = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
  let differ = 0;
  for (const [k, v] of expected) {
    if (got.get(k) === v) continue;
    differ++;
    if (differ <= 5) console.log(`DIFF ${k}\n  expected ${v}\n  got      ${got.get(k)}`);
  }
  if (got.size !== expected.size) {
    differ++;
    console.log(`size differs: expected ${expected.size}, got ${got.size}`);
  }
  console.log(`${expected.size} results compared in ${seconds} s: ${differ} differ`);
  process.exit(differ > 0 ? 1 : 0);
}

main();
