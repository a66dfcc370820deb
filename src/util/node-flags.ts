/**
 * Whether this process was started with a flag matching `flag`, on its command line or in NODE_OPTIONS: a
 * choice of the user's, which vpcelint keeps rather than overrides (the heap limit, the young generation).
 */
export function startedWithFlag(flag: RegExp, env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((a) => flag.test(a)) || flag.test(env.NODE_OPTIONS ?? '');
}
