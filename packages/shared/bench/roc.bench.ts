/**
 * `pnpm bench:roc`: throughput and latency of the rules engine on a deterministic synthetic
 * catalogue, the cost of routes from an empty record, and the engine against the brute-force oracle.
 * Single thread; figures go to docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { cpuUsage } from 'node:process';
import { seededRandom } from '../src/identifiers/uln';
import {
  type CompiledQualification,
  compileQualification,
  evaluate,
  evaluateCompiled,
  RocTooComplexError,
} from '../src/rules';
import type { Achievement, CatalogueUnit, QualificationDefinition } from '../src/schemas';
import { oracleEvaluate } from './oracle';
import { randomSmallCase } from './random-case';
import { benchmarkWorld, makeQualification, type makeSynthetic } from './synthetic';

const ON = '2026-06-01';
const SEED = 42;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function main(): void {
  const started = performance.now();
  console.log(
    `rules engine benchmark — ${new Date().toISOString()} — ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores), node ${process.version}`,
  );
  const { syn, byUrn, qualUnits, pairs } = benchmarkWorld(SEED);
  console.log(
    `catalogue: ${syn.units.length} units, ${syn.qualifications.length} qualifications, ${syn.learners.length} learners; ${pairs.length} learner×qualification pairs share ≥1 unit`,
  );

  const rows: string[][] = [];
  // The API compiles a qualification once and evaluates its learners against it; compiling is
  // timed, on the first pair that needs it. `evaluate` (compiling internally every call) for reference.
  const compiled = new Map<number, CompiledQualification>();
  // Compiling's share of the compiled rows, reported on its own: the API compiles a qualification
  // once for thousands of learners, this benchmark for 40 % of the pairs of its first row.
  const compileRows: string[][] = [];
  let compileMs = 0;
  let compiles = 0;
  for (const [label, routes, sample, useCompiled] of [
    ['sample of 4,000, fresh process: status + additional credit (routes: 0)', 0, 4000, true],
    ['sample of 1,500: full result (routes: 3)', 3, 1500, true],
    ['sample of 4,000: status + additional credit, uncompiled `evaluate`', 0, 4000, false],
    ['sample of 1,500: full result, uncompiled `evaluate`', 3, 1500, false],
    // The first row's pairs again, last: the JIT has optimised the engine and every qualification
    // is compiled, as in a long-running API process.
    ['the sample of 4,000 again, warm (routes: 0)', 0, 4000, true],
  ] as const) {
    const run = (k: number) => {
      const [li, qi] = pairs[(k * 7919) % pairs.length] as [number, number];
      const qualification = syn.qualifications[qi] as QualificationDefinition;
      const units = qualUnits[qi] as CatalogueUnit[];
      const achievements = syn.learners[li] as Achievement[];
      if (!useCompiled) return () => evaluate({ qualification, units, achievements, on: ON, routes });
      return () => {
        let c = compiled.get(qi);
        if (!c) {
          const s = performance.now();
          c = compileQualification(qualification, units);
          compileMs += performance.now() - s;
          compiles++;
          compiled.set(qi, c);
        }
        return evaluateCompiled(c, { achievements, on: ON, routes });
      };
    };
    for (let k = 0; k < 200; k++) tryRun(run(sample + k)); // warm up the JIT on other pairs
    const times: number[] = [];
    let tooComplex = 0;
    let achieved = 0;
    compileMs = 0;
    compiles = 0;
    const t0 = performance.now();
    const cpu0 = cpuUsage();
    for (let k = 0; k < sample; k++) {
      const s = performance.now();
      const r = tryRun(run(k));
      times.push(performance.now() - s);
      if (r === 'too complex') tooComplex++;
      else if (r.achieved) achieved++;
    }
    const total = performance.now() - t0;
    const cpu = cpuUsage(cpu0);
    if (useCompiled) {
      compileRows.push([
        label,
        String(compiles),
        compiles > 0 ? `${((compileMs / compiles) * 1000).toFixed(0)} µs` : '–',
        `${((compileMs / total) * 100).toFixed(0)} %`,
      ]);
    }
    times.sort((a, b) => a - b);
    rows.push([
      label,
      String(sample),
      (sample / (total / 1000)).toFixed(0),
      ms(percentile(times, 0.5)),
      ms(percentile(times, 0.99)),
      ms(times[times.length - 1] ?? 0),
      // CPU time (this process, all threads) per evaluation: unlike the wall-clock columns, not
      // inflated when other work on the machine takes the core away.
      `${((cpu.user + cpu.system) / sample).toFixed(0)} µs`,
      `${achieved} / ${tooComplex}`,
    ]);
  }
  // Headline: every pair, in three orders: qualification by qualification (compile a qualification
  // once, timed and included, then evaluate each of its learners); in the order of the API's claims
  // rescan (learners in batches of RESCAN_BATCH, each batch's pairs qualification by qualification,
  // though detection itself asks less than a full evaluation: see achievedCompiled); and
  // learner by learner (each learner against each qualification listing one of their units),
  // compiling a qualification when first needed. Run after the sampled rows so that they stay in a
  // fresh process; with 509,919 evaluations the JIT's warm-up is a negligible share either way.
  compiled.clear();
  rows.unshift(allPairs(syn, qualUnits, pairs, compileRows, 'learner'));
  rows.unshift(allPairs(syn, qualUnits, pairs, compileRows, 'rescan'));
  rows.unshift(allPairs(syn, qualUnits, pairs, compileRows, 'qualification'));
  printTable(
    [
      'evaluations (routes: 0 unless stated)',
      'n',
      'eval/s',
      'p50',
      'p99',
      'max',
      'CPU / eval',
      'achieved / too complex',
    ],
    rows,
  );
  printTable(
    ['compileQualification within the compiled rows', 'compiles', 'mean', 'share of row time'],
    compileRows,
  );

  const emptyRows: string[][] = [];
  const random = seededRandom(SEED);
  for (let q = 0; q < 5; q++) {
    const def = makeQualification(syn.units, 60, Math.floor(random() * 1e9), 9000 + q);
    const units = [...new Set(def.groups.flatMap((g) => g.units))].map((u) => byUrn.get(u) as CatalogueUnit);
    const times: number[] = [];
    let summary = '';
    for (let run = 0; run < 7; run++) {
      const s = performance.now();
      const r = tryRun(() => evaluate({ qualification: def, units, achievements: [], on: ON, routes: 3 }));
      times.push(performance.now() - s);
      summary =
        r === 'too complex'
          ? 'too complex'
          : `${r.additionalCreditsNeeded} credits, ${r.routes.length} routes`;
    }
    times.sort((a, b) => a - b);
    emptyRows.push([
      `60-unit qualification #${q + 1} (${def.groups.length} groups)`,
      summary,
      ms(percentile(times, 0.5)),
    ]);
  }
  printTable(['three routes from an empty record', 'result', 'median of 7'], emptyRows);

  let oracleMs = 0;
  let engineMs = 0;
  let agree = 0;
  const cases = 300;
  const rand = seededRandom(SEED + 1);
  for (let i = 0; i < cases; i++) {
    const c = randomSmallCase(rand);
    let s = performance.now();
    const expected = oracleEvaluate(c);
    oracleMs += performance.now() - s;
    s = performance.now();
    const got = evaluate({ ...c, routes: 3 });
    engineMs += performance.now() - s;
    // countedCredits is compared where it is unique (see property.test.ts for the rest).
    const sameCount = got.achieved || !got.reachable ? got.countedCredits === expected.countedCredits : true;
    const sameRoutes =
      JSON.stringify(got.routes.map((r) => r.additionalCredits)) ===
      JSON.stringify(expected.routes.slice(0, 3).map((r) => r.additionalCredits));
    if (
      got.achieved === expected.achieved &&
      got.reachable === expected.reachable &&
      got.additionalCreditsNeeded === expected.additionalCreditsNeeded &&
      sameCount &&
      sameRoutes
    )
      agree++;
  }
  printTable(
    ['brute-force oracle vs engine', 'cases', 'agree', 'oracle', 'engine', 'oracle / engine'],
    [
      [
        `small random definitions (≤ 7 units)`,
        String(cases),
        String(agree),
        ms(oracleMs),
        ms(engineMs),
        `${(oracleMs / engineMs).toFixed(1)}×`,
      ],
    ],
  );
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Learners per batch of `pnpm lar claims rescan` (its `--batch` default). */
const RESCAN_BATCH = 200;

/** A headline row: every pair in one of three orders (see main), compiling included. */
function allPairs(
  syn: ReturnType<typeof makeSynthetic>,
  qualUnits: CatalogueUnit[][],
  pairs: [number, number][],
  compileRows: string[][],
  order: 'qualification' | 'rescan' | 'learner',
): string[] {
  // `pairs` are learner by learner; regrouped by qualification, whole or batch by batch.
  let ordered: [number, number][] = pairs;
  if (order !== 'learner') {
    const batch = order === 'rescan' ? RESCAN_BATCH : syn.learners.length;
    ordered = [];
    for (let from = 0; from < syn.learners.length; from += batch) {
      const inBatch = pairs.filter(([li]) => li >= from && li < from + batch);
      inBatch.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
      for (const pair of inBatch) ordered.push(pair);
    }
  }
  const compiled = new Map<number, CompiledQualification>();
  const times = new Float64Array(pairs.length);
  let n = 0;
  let tooComplex = 0;
  let achieved = 0;
  let compileMs = 0;
  let compiles = 0;
  const t0 = performance.now();
  const cpu0 = cpuUsage();
  for (const [li, qi] of ordered) {
    let c = compiled.get(qi);
    let s = performance.now();
    if (!c) {
      c = compileQualification(
        syn.qualifications[qi] as QualificationDefinition,
        qualUnits[qi] as CatalogueUnit[],
      );
      compiled.set(qi, c);
      compileMs += performance.now() - s;
      compiles++;
      s = performance.now();
    }
    const achievements = syn.learners[li] as Achievement[];
    const q = c;
    const r = tryRun(() => evaluateCompiled(q, { achievements, on: ON, routes: 0 }));
    times[n++] = performance.now() - s;
    if (r === 'too complex') tooComplex++;
    else if (r.achieved) achieved++;
  }
  const total = performance.now() - t0;
  const cpu = cpuUsage(cpu0);
  const label =
    order === 'rescan'
      ? `every pair, in the claims rescan's order (${RESCAN_BATCH} learners a batch, by qualification within it; compiling included)`
      : `every pair, by ${order} (compiling included)`;
  compileRows.unshift([
    label,
    String(compiles),
    `${((compileMs / compiles) * 1000).toFixed(0)} µs`,
    `${((compileMs / total) * 100).toFixed(1)} %`,
  ]);
  times.sort();
  const sorted = Array.from(times.subarray(0, n));
  return [
    `**${label}**`,
    String(n),
    (n / (total / 1000)).toFixed(0),
    ms(percentile(sorted, 0.5)),
    ms(percentile(sorted, 0.99)),
    ms(sorted[sorted.length - 1] ?? 0),
    `${((cpu.user + cpu.system) / n).toFixed(0)} µs`,
    `${achieved} / ${tooComplex}`,
  ];
}

function tryRun<T>(f: () => T): T | 'too complex' {
  try {
    return f();
  } catch (e) {
    if (e instanceof RocTooComplexError) return 'too complex';
    throw e;
  }
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}

main();
