import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ScanSettings, Severity } from '../engine/rule.js';
import type { RuleSetting } from '../engine/run.js';
import { InputError } from '../errors.js';
import { validate as generatedValidator } from './config-validator.generated.js';

export interface IgnoreEntry {
  rule: string;
  /** Glob on the Terraform address of the primary resource. */
  address?: string;
  /** Glob on the AWS id or ARN of the primary resource. */
  id?: string;
  reason: string;
  /** YYYY-MM-DD; after this day the entry no longer applies and is itself reported. */
  expires?: string;
}

export interface Config {
  /** The file it came from, if any. */
  file?: string;
  ruleSettings: Record<string, RuleSetting>;
  settings: ScanSettings;
  ignore: IgnoreEntry[];
}

export const DEFAULT_CONFIG_FILES = ['.vpcelint.yml', '.vpcelint.yaml'];

export function emptyConfig(): Config {
  return { ruleSettings: {}, settings: { privateBuckets: { names: [], tags: {} } }, ignore: [] };
}

/**
 * Loads the config named by --config, else `.vpcelint.yml` in the working
 * directory when there is one. `knownRules` turns a misspelled rule id into an
 * error rather than a silently ignored setting.
 */
export async function loadConfig(explicit: string | undefined, cwd: string, knownRules: readonly string[]): Promise<Config> {
  const file = explicit ?? DEFAULT_CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
  if (!file) return emptyConfig();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: cannot read config: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, file);
  }
  return parseConfig(text, file, knownRules);
}

// The schema (schema.ts) compiled by ajv ahead of time (scripts/gen-validators.mjs): loading ajv and compiling
// it cost every scan with a config file about 70 ms.
const validateConfig = generatedValidator as unknown as ValidateFunction;

export async function parseConfig(text: string, file: string, knownRules: readonly string[]): Promise<Config> {
  // Loaded only when there is a config file, and in the CLI's bundle as one chunk of its own (scripts/bundle-cli.mjs):
  // from node_modules, its 70 files took 30 ms. It is CommonJS: Node gives its exports also as named ones, the
  // bundle only as `default`.
  const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const { parseDocument, LineCounter } = yaml.default ?? yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    throw new InputError(`${file}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${e.message.split('\n')[0]}`, file);
  }
  const data: unknown = doc.toJS() ?? {};
  if (!validateConfig(data)) throw new InputError(`${file}: ${describeError(validateConfig.errors?.[0])}`, file);
  const raw = data as {
    rules?: Record<string, Severity | 'off' | RuleSetting>;
    privateBuckets?: { names?: string[]; tags?: Record<string, string> };
    ignore?: IgnoreEntry[];
  };
  const ruleSettings: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (!knownRules.includes(id)) throw new InputError(`${file}: unknown rule ${JSON.stringify(id)} at rules.${id} (run "vpcelint rules" for the list)`, file);
    ruleSettings[id] = typeof setting === 'string' ? { severity: setting } : setting;
  }
  for (const [i, entry] of (raw.ignore ?? []).entries()) {
    if (!knownRules.includes(entry.rule)) throw new InputError(`${file}: unknown rule ${JSON.stringify(entry.rule)} at ignore[${i}].rule`, file);
    if (!entry.address && !entry.id) throw new InputError(`${file}: ignore[${i}] needs an address or an id pattern`, file);
  }
  return {
    file,
    ruleSettings,
    settings: { privateBuckets: { names: raw.privateBuckets?.names ?? [], tags: raw.privateBuckets?.tags ?? {} } },
    ignore: raw.ignore ?? [],
  };
}

function describeError(e: ErrorObject | undefined): string {
  if (!e) return 'invalid config';
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  if (e.keyword === 'additionalProperties') {
    return `unknown key ${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)} at ${where}`;
  }
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'required') return `${where} is missing ${JSON.stringify((e.params as { missingProperty: string }).missingProperty)}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}
