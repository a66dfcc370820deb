/**
 * Why a `.tf` source expression gives no value: something the evaluator does
 * not evaluate from the plan (a function it does not know, a value known only
 * after apply where the result depends on it, ...), saying what.
 */
export class SourceNotEvaluable extends Error {}

/**
 * What Terraform itself reports as an error: an attribute the object does not
 * have. `try()` and `can()` catch these and only these; the evaluator's own
 * limits are no Terraform error, and a `try()` over one is not evaluated.
 */
export class TerraformError extends SourceNotEvaluable {}

/** A TerraformError without a stack: try() throws and catches these once per entry and policy, and capturing stacks showed in profiles. */
export function terraformError(message: string): TerraformError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new TerraformError(message);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
