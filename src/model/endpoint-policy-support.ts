import type { EndpointServiceName } from './service-name.js';

/**
 * Which AWS services accept a VPC endpoint policy, for plans (a live scan
 * reads `VpcEndpointPolicySupported` from DescribeVpcEndpointServices). A
 * service that does not support them gets full access whatever the endpoint
 * says, so a finding there is one nobody can fix. Support grows over time
 * (DataSync, Batch and Transfer Family added it), so the table lists only what
 * the services' own documentation states; for a service in neither list the
 * answer is "unknown" and rules report "not evaluated", never a guess.
 */

/** Services whose documentation shows endpoint policies (by the service part of `com.amazonaws.<region>.<service>`). */
const SUPPORTED = new Set([
  's3', 's3-fips', 'dynamodb', 'dynamodb-fips', 'ec2', 'ssm', 'kms', 'kms-fips', 'sts', 'sqs', 'sns', 'logs', 'monitoring', 'events',
  'ecr.api', 'ecr.dkr', 'secretsmanager', 'lambda', 'execute-api', 'cloudformation', 'iam', 'imagebuilder', 'iot.api', 'ecs',
  'elasticloadbalancing', 'autoscaling', 'kinesis-streams', 'kinesis-firehose', 'glue', 'athena', 'states', 'sagemaker.api',
  'sagemaker.runtime', 'codebuild', 'codecommit', 'git-codecommit', 'codeartifact.api', 'codeartifact.repositories',
  'elasticfilesystem', 'rds', 'backup', 'servicecatalog', 'xray', 'batch', 'transfer', 'datasync', 'eks', 'acm-pca',
  'elasticmapreduce', 'emr-containers', 'redshift', 'appconfig', 'config', 'neptune-graph-data', 'bedrock', 'bedrock-runtime',
]);

/** Services whose documentation says endpoint policies are not supported. */
const UNSUPPORTED: Record<string, string> = {
  'iot.data': 'AWS IoT Core Developer Guide, "Limitations of VPC endpoints"',
  cleanrooms: 'AWS Clean Rooms User Guide, interface endpoints',
  'cleanrooms-ml': 'AWS Clean Rooms User Guide, interface endpoints',
  inspector2: 'Amazon Inspector User Guide, interface endpoints',
  'refactor-spaces': 'AWS Migration Hub Refactor Spaces User Guide, interface endpoints',
  'codeguru-reviewer': 'Amazon CodeGuru Reviewer User Guide, interface endpoints',
  mpa: 'Multi-party approval User Guide, interface endpoints',
  'neptune-graph': 'Neptune Analytics User Guide: only the data plane (neptune-graph-data) supports endpoint policies',
};

export type PolicySupport = { supported: true } | { supported: false; source: string } | { supported: 'unknown' };

export function endpointPolicySupport(service: EndpointServiceName): PolicySupport {
  if (service.owner === 'vpce') return { supported: false, source: 'endpoint services of other accounts (com.amazonaws.vpce.*) always allow full access' };
  const name = service.service;
  if (SUPPORTED.has(name)) return { supported: true };
  // Service names come from input: own entries only ("toString" is no service).
  const why = Object.hasOwn(UNSUPPORTED, name) ? UNSUPPORTED[name] : undefined;
  if (why) return { supported: false, source: why };
  return { supported: 'unknown' };
}

/** IAM action prefixes whose names differ from the endpoint's service name. */
const IAM_PREFIX: Record<string, string> = {
  's3-fips': 's3',
  'dynamodb-fips': 'dynamodb',
  'kms-fips': 'kms',
  monitoring: 'cloudwatch',
  'ecr.api': 'ecr',
  'ecr.dkr': 'ecr',
  'kinesis-streams': 'kinesis',
  'kinesis-firehose': 'firehose',
  'sagemaker.api': 'sagemaker',
  'sagemaker.runtime': 'sagemaker',
  'git-codecommit': 'codecommit',
  'codeartifact.api': 'codeartifact',
  'codeartifact.repositories': 'codeartifact',
  'iot.api': 'iot',
  'iot.data': 'iot',
  elasticmapreduce: 'elasticmapreduce',
  'neptune-graph-data': 'neptune-graph',
  'bedrock-runtime': 'bedrock',
};

/** The IAM action prefix of the endpoint's service (`s3`, `ecr`, `cloudwatch`), undefined when it cannot be told. */
export function iamPrefixOf(service: EndpointServiceName): string | undefined {
  if (service.owner !== 'aws') return undefined;
  const mapped = Object.hasOwn(IAM_PREFIX, service.service) ? IAM_PREFIX[service.service] : undefined;
  if (mapped) return mapped;
  return SUPPORTED.has(service.service) && !service.service.includes('.') ? service.service : undefined;
}
