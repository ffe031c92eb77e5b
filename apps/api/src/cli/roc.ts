import { readFileSync } from 'node:fs';
import { checkQualification, evaluate, isIsoDate, RocTooComplexError, todayUtc } from '@lar/shared/rules';
import { type EvaluationInput, EvaluationInputSchema } from '@lar/shared/schemas';
import { Value, type ValueError } from '@sinclair/typebox/value';
import { Command } from 'commander';

/**
 * `lar roc evaluate|check FILE|-`, as the contract's CLI section specifies. The work is done by
 * `runRocEvaluate` / `runRocCheck`, which take the file's text and return what to print and the
 * exit status, so they can be tested without a process; the commands only read and write.
 */

export interface RocOutcome {
  status: 0 | 1 | 2;
  stdout?: string;
  stderr?: string;
}

/** Bad input: one line on stderr naming the problem, status 2, never a stack trace. */
class BadInput extends Error {}

const badInput = (message: string): RocOutcome => ({ status: 2, stderr: `lar roc: ${message}\n` });

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BadInput(`${source} is not JSON (${(e as Error).message.replace(/\s+/g, ' ')})`);
  }
}

/** `/qualification/groups/0/units/1` → `qualification.groups[0].units[1]`. */
function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describeError(error: ValueError): string {
  const path = fieldPath(error.path) || 'input';
  if (error.value === undefined) return `${path}: is required`;
  const description = (error.schema as { description?: string }).description;
  const got = JSON.stringify(error.value)?.slice(0, 60);
  return description
    ? `${path}: expected ${description}, got ${got}`
    : `${path}: ${error.message}, got ${got}`;
}

function parseEvaluationInput(text: string, source: string): EvaluationInput {
  const data = parseJson(text, source);
  const first = Value.Errors(EvaluationInputSchema, data).First();
  if (first) throw new BadInput(describeError(first));
  const input = data as EvaluationInput;
  if (input.on !== undefined && !isIsoDate(input.on))
    throw new BadInput(`on: ${input.on} is not a calendar date`);
  for (const [i, a] of input.achievements.entries()) {
    if (!isIsoDate(a.achievedOn))
      throw new BadInput(`achievements[${i}].achievedOn: ${a.achievedOn} is not a calendar date`);
  }
  return input;
}

export function runRocEvaluate(text: string, source = 'input', today = todayUtc()): RocOutcome {
  try {
    const input = parseEvaluationInput(text, source);
    const result = evaluate({ ...input, on: input.on ?? today, routes: input.routes ?? 3 });
    return { status: 0, stdout: `${JSON.stringify(result, null, 2)}\n` };
  } catch (e) {
    if (e instanceof BadInput || e instanceof RocTooComplexError) return badInput(e.message);
    return badInput(`cannot evaluate ${source}: ${(e as Error).message}`);
  }
}

/**
 * Only a missing or non-JSON file is bad input here: malformed fields of the definition are what
 * `check` exists to report, in its JSON.
 */
export function runRocCheck(text: string, source = 'input'): RocOutcome {
  try {
    const data = parseJson(text, source) as Record<string, unknown> | null;
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new BadInput(`${source}: expected a JSON object`);
    if (data.qualification === undefined) throw new BadInput('qualification: is required');
    if (!Array.isArray(data.units)) throw new BadInput('units: is required (a list of catalogue entries)');
    const result = checkQualification(data.qualification, data.units);
    return { status: result.ok ? 0 : 1, stdout: `${JSON.stringify(result)}\n` };
  } catch (e) {
    if (e instanceof BadInput) return badInput(e.message);
    return badInput(`cannot check ${source}: ${(e as Error).message}`);
  }
}

function readInput(file: string): { text: string; source: string } {
  const source = file === '-' ? 'stdin' : file;
  try {
    return { text: readFileSync(file === '-' ? 0 : file, 'utf8'), source };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BadInput(`cannot read ${source}${code ? ` (${code})` : ''}`);
  }
}

function finish(outcome: RocOutcome): void {
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  process.exitCode = outcome.status;
}

function action(run: (text: string, source: string) => RocOutcome) {
  return (file: string) => {
    try {
      const { text, source } = readInput(file);
      finish(run(text, source));
    } catch (e) {
      finish(badInput((e as Error).message));
    }
  };
}

const FILE_HELP = `
FILE (or - for stdin) holds JSON:
  { "qualification": {…}, "units": [catalogue entries], "achievements": […],
    "on": "YYYY-MM-DD", "routes": 3 }
"on" defaults to today (UTC) and "routes" to 3. Bad input exits with status 2.`;

export function rocCommand(): Command {
  const roc = new Command('roc').description('Rules of combination: evaluate records and check definitions');
  roc
    .command('evaluate')
    .description("Evaluate a learner's achievements against a qualification; prints the result JSON")
    .argument('<FILE>', 'input JSON file, or - for stdin')
    .addHelpText('after', FILE_HELP)
    .action(action((text, source) => runRocEvaluate(text, source)));
  roc
    .command('check')
    .description('Check a qualification definition; prints {"ok","errors","warnings"}, exit 1 when not ok')
    .argument('<FILE>', 'input JSON file (qualification and units), or - for stdin')
    .addHelpText('after', FILE_HELP)
    .action(action(runRocCheck));
  return roc;
}
