import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.js';
import { processHeap, restartWithHeap, type HeapFacts } from '../cli/heap.js';
import { SEVERITY_RANK, type Severity } from '../engine/rule.js';
import { countBySeverity, type ScanReport } from '../report/scan-report.js';
import { readInputs, scanArgs, scanInput, sourceRootOf, type ActionInputs } from './inputs.js';
import { terraformShow } from './terraform.js';

/** The Action's outputs: findings counted (suppressed ones not), and by severity. */
interface Counts {
  findings: number;
  error: number;
  warning: number;
  note: number;
}

/** The Action's heap, and how it starts itself again in a new process with a larger one, in `env`; replaced in tests. */
export interface ActionHeap {
  facts(): HeapFacts;
  restart(heapMb: number, env: NodeJS.ProcessEnv): Promise<number>;
}

const thisProcess: ActionHeap = { facts: () => processHeap(), restart: (heapMb, env) => restartWithHeap(heapMb, process.argv[1]!, [], env) };

/**
 * The GitHub Action: inputs → `vpcelint scan` (in this process, the same code
 * as the CLI) → outputs, job summary, and a failed step when `fail-on` says so.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, heap: ActionHeap = thisProcess): Promise<void> {
  const work = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'vpcelint-'));
  try {
    const inputs = readInputs({ text: (n) => core.getInput(n), flag: (n) => (core.getInput(n) === '' ? false : core.getBooleanInput(n)) });
    const input = scanInput(inputs);
    if (input.kind === 'aws' && inputs.sourceRoot) core.warning('`source-root` applies to plan scans: live findings have no source lines');
    let planJson: string | undefined;
    if (input.kind === 'terraform') {
      planJson = join(work, 'plan.json');
      terraformShow(input.dir, input.planFile, planJson, env);
    }
    const files = { markdown: join(work, 'summary.md'), sarif: inputs.sarifFile };
    const args = scanArgs(inputs, input, planJson, files);
    core.info(`vpcelint ${args.join(' ')}`);
    // A plan too large for this process's heap: the scan reads it lean, or this Action runs again in a new process
    // with a larger heap (heap.ts), reading the plan JSON written here (not terraform again), which does the rest.
    let restarted: number | undefined;
    const again = { ...env, INPUT_PLAN: planJson ?? inputs.plan, 'INPUT_TERRAFORM-DIR': '', 'INPUT_SOURCE-ROOT': sourceRootOf(inputs, input) };
    const control = {
      facts: () => heap.facts(),
      restart: async (heapMb: number) => (restarted = await heap.restart(heapMb, again)),
      info: (line: string) => core.info(line),
    };
    // The report itself gives the outputs: a JSON report written and read back only for its counts cost seconds on a large plan.
    let counts: Counts | undefined;
    const onReport = (report: ScanReport) => (counts = { findings: report.findings.length, ...countBySeverity(report.findings) });
    const { code, stderr } = await withStderr(() =>
      main(args, { stdout: (s) => process.stdout.write(s), isTTY: false, env, cwd: process.cwd(), heap: control, warn: (text) => core.warning(text), onReport }),
    );
    if (restarted !== undefined) {
      process.exitCode = restarted;
      return;
    }
    if (code === 2 || !counts) {
      core.setFailed(lastLine(stderr) ?? 'vpcelint could not run: see the log above');
      return;
    }
    core.setOutput('sarif-file', inputs.sarifFile);
    core.setOutput('findings', counts.findings);
    core.setOutput('errors', counts.error);
    core.setOutput('warnings', counts.warning);
    core.setOutput('notes', counts.note);
    await writeSummary(readFileSync(files.markdown, 'utf8'), env);
    if (code === 1) core.setFailed(failureMessage(counts, inputs));
    else if (code === 3) core.setFailed('vpcelint could not read everything in AWS (see "Not evaluated" in the job summary), so the scan is partial');
    else if (code !== 0) core.setFailed(`vpcelint ended with exit code ${code}`);
  } catch (err) {
    core.setFailed((err as Error).message);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function failureMessage(s: Counts, inputs: ActionInputs): string {
  const failOn = inputs.failOn as Severity;
  const counted = (['error', 'warning', 'note'] as const).filter((sev) => SEVERITY_RANK[sev] >= (SEVERITY_RANK[failOn] ?? 0));
  const n = counted.reduce((sum, sev) => sum + s[sev], 0);
  if (n === 0) return 'vpcelint found something that could not be evaluated (see the job summary)';
  return `vpcelint found ${n} finding${n === 1 ? '' : 's'} at or above fail-on "${inputs.failOn}" (${counted.map((sev) => `${s[sev]} ${sev}${s[sev] === 1 ? '' : 's'}`).join(', ')}); see the job summary`;
}

async function writeSummary(markdown: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.info(markdown);
    return;
  }
  await core.summary.addRaw(markdown).write();
}

/** Runs `fn` while copying what it writes to stderr, so the one-line error of a bad input can be the failure message. */
async function withStderr<T>(fn: () => Promise<T>): Promise<{ code: T; stderr: string }> {
  const original = process.stderr.write.bind(process.stderr);
  let captured = '';
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  try {
    return { code: await fn(), stderr: captured };
  } finally {
    process.stderr.write = original;
  }
}

function lastLine(text: string): string | undefined {
  return text.trim().split('\n').filter(Boolean).pop();
}
