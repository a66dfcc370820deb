/**
 * The parts of `terraform show -json` output that vpcelint reads. Every field
 * is optional and may have the wrong type in hostile input: readers check.
 */
export interface PlanJson {
  format_version?: string;
  terraform_version?: string;
  variables?: Record<string, { value?: unknown }>;
  planned_values?: ValuesRepr;
  prior_state?: { format_version?: string; values?: ValuesRepr };
  resource_changes?: ResourceChange[];
  configuration?: { provider_config?: Record<string, ProviderConfig>; root_module?: ConfigModule };
  /** The plan was saved despite an error, and resources after it are missing (in the JSON since Terraform 1.9.5). */
  errored?: unknown;
  /** False when -target or deferred changes left part of the configuration unplanned (since Terraform 1.9.5). */
  complete?: unknown;
}

export interface ValuesRepr {
  outputs?: Record<string, unknown>;
  root_module?: ValuesModule;
}

export interface ValuesModule {
  address?: string;
  resources?: ValuesResource[];
  child_modules?: ValuesModule[];
}

export interface ValuesResource {
  address: string;
  mode?: string;
  type: string;
  name: string;
  index?: string | number;
  values?: Record<string, unknown>;
  sensitive_values?: unknown;
}

export interface ResourceChange {
  address: string;
  module_address?: string;
  mode?: string;
  type: string;
  name: string;
  index?: string | number;
  deposed?: string;
  change?: {
    actions?: string[];
    before?: unknown;
    after?: unknown;
    after_unknown?: unknown;
    after_sensitive?: unknown;
    before_sensitive?: unknown;
  };
}

export interface ProviderConfig {
  name?: string;
  full_name?: string;
  alias?: string;
  module_address?: string;
  expressions?: Record<string, Expression>;
}

/** An expression representation: a constant, or the references it makes. Nested blocks are arrays of expression maps. */
export interface Expression {
  constant_value?: unknown;
  references?: string[];
}

export type ExpressionTree = Expression | Record<string, unknown>[] | Record<string, unknown>;

export interface ConfigResource {
  address: string;
  mode?: string;
  type: string;
  name: string;
  provider_config_key?: string;
  expressions?: Record<string, unknown>;
  count_expression?: Expression;
  for_each_expression?: Expression;
}

export interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, ModuleCall>;
  outputs?: Record<string, { expression?: Expression; sensitive?: boolean }>;
  variables?: Record<string, { default?: unknown; sensitive?: boolean }>;
}

export interface ModuleCall {
  source?: string;
  expressions?: Record<string, unknown>;
  count_expression?: Expression;
  for_each_expression?: Expression;
  module?: ConfigModule;
  version_constraint?: string;
}
