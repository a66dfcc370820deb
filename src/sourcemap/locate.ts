import { relative, sep } from 'node:path';
import { configSteps, parseInstanceAddress } from '../collect/terraform/address.js';
import type { SourceLocation, SourceRange } from '../model/ref.js';
import type { BlockExpression, CallSite, HclExpr, ModuleValues } from './expression.js';
import type { HclBlock, HclDirective } from './hcl.js';
import type { FileBlock, ModuleCallSource, ModuleSource } from './modules.js';

/** A `vpcelint:` comment found at a located block, with the file it is in (relative, like locations). */
export interface LocatedDirective extends HclDirective {
  file: string;
  /** In no block and not right above one, so it applies to nothing. */
  orphan?: boolean;
}

export interface Located {
  location: SourceLocation;
  directives: LocatedDirective[];
  /** The block's expressions a plan may need the structure of (hcl.ts), and the locals of its module. */
  expressions?: BlockExpression[];
  locals?: ReadonlyMap<string, HclExpr>;
  /**
   * A block in a module installed by `terraform init`: its own place, where its policies are read from, while
   * `location` is the repository's module call. Attribute lines as a list: it crosses threads as it is.
   */
  declaredAt?: { file: string; startLine: number; attributeLines: [string, number][] };
  /** With `expressions`: the module calls on the way to the block, the root's first (their arguments set its variables). */
  callers?: CallSite[];
  /** With `expressions`, when asked for a declaration: the modules from the root to the block's, with what they write. */
  modulePath?: ModuleValues[];
}

/**
 * Maps Terraform instance addresses to the block that declares them.
 * Instance keys (`[0]`, `["a"]`) select an instance of one block, so they are
 * dropped; module calls are followed into local modules. A resource inside a
 * registry or git module maps to the `module` block that calls it, the
 * nearest line a person can change; where `terraform init` installed that
 * module, its own block still gives the policies.
 */
export class SourceMap {
  private readonly cache = new Map<string, Located | null>();
  private readonly deepCache = new Map<string, Located | null>();
  private readonly sites = new WeakMap<ModuleCallSource, CallSite>();
  private readonly values = new WeakMap<ModuleSource, ModuleValues>();

  /** `base` is the directory locations are relative to (the repository root); `loadInstalled` reads an installed module when asked for. */
  constructor(
    private readonly root: ModuleSource,
    private readonly base: string,
    private readonly loadInstalled: (call: ModuleCallSource) => ModuleSource | undefined = (call) => call.module,
  ) {}

  /** Where an address is declared, as findings point at it: in an installed module, the repository's call. */
  locate(address: string): Located | undefined {
    return this.find(address, false);
  }

  /** The same, and inside installed modules the block's own expressions (read from their files, now if not yet). */
  declaration(address: string): Located | undefined {
    return this.find(address, true);
  }

  private find(address: string, deep: boolean): Located | undefined {
    const parsed = parseInstanceAddress(address);
    if (!parsed) return undefined;
    // The address relative to each module on the way: `module.a`, ..., `aws_x.y`, for removed blocks.
    const steps = configSteps(parsed);
    // One lookup per configuration block, however many instances it has.
    const configAddress = steps.join('.');
    const cache = deep ? this.deepCache : this.cache;
    const hit = cache.get(configAddress);
    if (hit !== undefined) return hit ?? undefined;
    let mod = this.root;
    let found: Located | undefined;
    let removed: FileBlock | undefined;
    let done = false;
    // The repository's call of the first installed module on the way: what the address maps to.
    let outerCall: Located | undefined;
    const callers: CallSite[] = [];
    const path: ModuleSource[] = [mod];
    for (const [i, step] of parsed.modules.entries()) {
      if (!mod.installed) removed ??= removedBlock(mod, steps.slice(i));
      const call = mod.calls.get(step.name);
      if (!call) {
        done = true;
        break;
      }
      callers.push(this.siteOf(call, mod));
      // Installed modules are read for what only their blocks have, never for a location (the call is that).
      const module = !call.installed ? call.module : deep ? this.loadInstalled(call) : undefined;
      if (!module || (module.installed && !outerCall)) {
        const at = this.toLocated(call.call, false, steps.slice(0, i + 1).join('.'));
        if (!module) {
          found = outerCall ?? at;
          done = true;
          break;
        }
        outerCall = at;
      }
      mod = module;
      path.push(module);
    }
    if (!done) {
      const at = mod.resources.get(steps[steps.length - 1]!);
      // A declaration's expressions may read any module's outputs on the way (module.<call>.<output>).
      const modulePath = deep && at?.block.expressions ? path.map((m) => this.valuesOf(m)) : undefined;
      if (at) found = outerCall ? this.installedBlock(outerCall, at, mod, callers, modulePath) : this.toLocated(at, true, undefined, mod, callers, modulePath);
      else if (outerCall) found = outerCall;
      else removed ??= removedBlock(mod, steps.slice(parsed.modules.length));
    }
    // Declared nowhere, but a `removed` block names it: Terraform forgets it (or destroys it), and that block is the line.
    if (!found && removed) found = this.toLocated(removed, false);
    cache.set(configAddress, found ?? null);
    return found;
  }

  /** A block of an installed module: located at the repository's call, with the block's own policies and place. */
  private installedBlock(call: Located, at: FileBlock, mod: ModuleSource, callers: CallSite[], modulePath?: ModuleValues[]): Located {
    const { expressions } = at.block;
    if (!expressions) return call;
    const attributeLines: [string, number][] = at.block.children.map((c) => [c.name, c.startLine]);
    const declaredAt = { file: this.relative(at.file), startLine: at.block.startLine, attributeLines };
    return { ...call, expressions, locals: mod.locals, callers, declaredAt, ...(modulePath ? { modulePath } : {}) };
  }

  /** A module call as the values of the called module's variables: one object per call, shared by every block that needs it. */
  private siteOf(call: ModuleCallSource, parent: ModuleSource): CallSite {
    let site = this.sites.get(call);
    if (!site) this.sites.set(call, (site = { arguments: new Map(call.call.block.arguments), locals: parent.locals, where: `${this.relative(call.call.file)}:${call.call.block.startLine}` }));
    return site;
  }

  /** What a module writes, with the modules it calls (installed ones read now): once per module. */
  private valuesOf(mod: ModuleSource): ModuleValues {
    const known = this.values.get(mod);
    if (known) return known;
    const calls = new Map<string, { site: CallSite; module?: ModuleValues }>();
    const values: ModuleValues = { locals: mod.locals, outputs: mod.outputs, calls };
    // Registered before its calls are followed: a module may call itself.
    this.values.set(mod, values);
    for (const [name, call] of mod.calls) {
      const child = call.installed ? this.loadInstalled(call) : call.module;
      calls.set(name, { site: this.siteOf(call, mod), ...(child ? { module: this.valuesOf(child) } : {}) });
    }
    return values;
  }

  private relative(file: string): string {
    return relative(this.base, file).split(sep).join('/');
  }

  /** `mod`: the module of a resource's own block, whose locals its policies may read, and `callers` its variables. */
  private toLocated(at: FileBlock, withAttributes: boolean, moduleCall?: string, mod?: ModuleSource, callers: CallSite[] = [], modulePath?: ModuleValues[]): Located {
    const file = this.relative(at.file);
    const location: SourceLocation = {
      file,
      startLine: at.block.startLine,
      endLine: at.block.endLine,
      ...(withAttributes ? { attributes: attributeRanges(at.block) } : {}),
      ...(moduleCall ? { moduleCall } : {}),
    };
    const expressions = at.block.expressions;
    const locals = expressions && mod ? { locals: mod.locals, ...(callers.length > 0 ? { callers } : {}), ...(modulePath ? { modulePath } : {}) } : {};
    return { location, directives: at.block.directives.map((d) => ({ ...d, file })), ...(expressions ? { expressions } : {}), ...locals };
  }
}

/** The removed block of a module whose `from` is the address (relative to it) or a module the address is in. */
function removedBlock(mod: ModuleSource, steps: readonly string[]): FileBlock | undefined {
  if (mod.removed.size === 0) return undefined;
  for (let n = 1; n <= steps.length; n++) {
    const hit = mod.removed.get(steps.slice(0, n).join('.'));
    if (hit) return hit;
  }
  return undefined;
}

/** Attribute and nested-block lines by name; repeated blocks (several `ingress`) span from the first to the last. */
function attributeRanges(block: HclBlock): Record<string, SourceRange> {
  // Attribute names come from the .tf files: a null prototype, so "__proto__" is just a name.
  const out: Record<string, SourceRange> = Object.create(null) as Record<string, SourceRange>;
  for (const c of block.children) {
    const seen = out[c.name];
    out[c.name] = seen
      ? { startLine: Math.min(seen.startLine, c.startLine), endLine: Math.max(seen.endLine, c.endLine) }
      : { startLine: c.startLine, endLine: c.endLine };
  }
  return out;
}

/** The range a finding points at: its attribute's lines when the block has that attribute, else the whole block. */
export function rangeFor(location: SourceLocation, attribute: string | undefined): SourceRange {
  const name = attribute?.split(/[.[]/)[0];
  const attr = name ? location.attributes?.[name] : undefined;
  return attr ?? { startLine: location.startLine, endLine: location.endLine };
}
