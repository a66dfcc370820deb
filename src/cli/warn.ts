/**
 * A warning for whoever ran the command: through `warn` when the caller has a
 * channel of its own (the Action makes it an annotation), else on standard error.
 */
export function warnUser(text: string, warn: ((text: string) => void) | undefined): void {
  if (warn) warn(text);
  else process.stderr.write(`vpcelint: warning: ${text}\n`);
}
