import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runRocCheck, runRocEvaluate } from './roc';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixturePath = path.join(
  repoRoot,
  'packages/shared/src/rules/__fixtures__/level2-diploma-business-admin.json',
);
const fixture = readFileSync(fixturePath, 'utf8');
const entry = path.join(__dirname, 'roc-main.test-entry.ts');

/** Runs the real command line the way `pnpm --silent lar roc …` does (tsx), to see exit statuses. */
function lar(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', entry, 'roc', ...args], {
    cwd: repoRoot,
    input: stdin,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lar roc evaluate', () => {
  it('prints the worked example result', () => {
    const out = runRocEvaluate(fixture);
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout ?? '');
    expect(result).toMatchObject({ achieved: false, additionalCreditsNeeded: 2 });
    expect(result.routes.map((r: { addUnits: string[] }) => r.addUnits)).toEqual([
      ['F/100/0106'],
      ['F/100/0104'],
      ['F/100/0108'],
    ]);
  });

  it('defaults `on` to today and `routes` to 3', () => {
    const { on: _on, ...rest } = JSON.parse(fixture);
    const today = runRocEvaluate(JSON.stringify(rest), 'input', '2026-06-01');
    expect(today.stdout).toBe(runRocEvaluate(fixture).stdout);
  });

  it.each([
    ['not JSON', '{', /^lar roc: input is not JSON/],
    [
      'a missing field',
      JSON.stringify({ qualification: JSON.parse(fixture).qualification }),
      /^lar roc: units: is required\n$/,
    ],
    [
      'a malformed identifier',
      fixture.replace('"F/100/0001"', '"F/10/0001"'),
      /^lar roc: qualification\.groups\[0\]\.units\[0\]: expected Unit reference number, L\/DDD\/DDDD, got "F\/10\/0001"\n$/,
    ],
    [
      'an impossible date',
      fixture.replace('"on": "2026-06-01"', '"on": "2026-02-30"'),
      /^lar roc: on: 2026-02-30 is not a calendar date\n$/,
    ],
  ])('rejects %s with one line and status 2', (_what, text, message) => {
    const out = runRocEvaluate(text);
    expect(out).toEqual({ status: 2, stderr: expect.stringMatching(message) });
    expect(out.stderr?.trim().split('\n')).toHaveLength(1);
  });
});

describe('lar roc check', () => {
  it('prints ok for the worked example', () => {
    expect(runRocCheck(fixture)).toEqual({ status: 0, stdout: '{"ok":true,"errors":[],"warnings":[]}\n' });
  });

  it('reports errors naming the field, with status 1', () => {
    const bad = JSON.parse(fixture);
    bad.qualification.barred = [['F/100/0105']];
    const out = runRocCheck(JSON.stringify(bad));
    expect(out.status).toBe(1);
    expect(JSON.parse(out.stdout ?? '')).toEqual({
      ok: false,
      errors: ['barred[0]: a barred set needs at least two different URNs'],
      warnings: [],
    });
  });

  it('treats a file without a qualification as bad input', () => {
    expect(runRocCheck('{"units":[]}')).toEqual({
      status: 2,
      stderr: 'lar roc: qualification: is required\n',
    });
  });
});

describe('lar roc (spawned)', () => {
  it('evaluates stdin with status 0', () => {
    const r = lar(['evaluate', '-'], fixture);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ qan: '500/9466/X', additionalCreditsNeeded: 2 });
  });

  it('exits 1 when check finds errors, 2 for an unreadable file, with no stack trace', () => {
    const bad = JSON.parse(fixture);
    bad.qualification.groups[1].id = 'M';
    const check = lar(['check', '-'], JSON.stringify(bad));
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).errors).toEqual(['groups[1].id: "M" repeats groups[0].id']);

    const missing = lar(['evaluate', path.join(repoRoot, 'no-such-file.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^lar roc: cannot read .*no-such-file\.json \(ENOENT\)\n$/);
  });
});
