// One readable sentence from a schema validation failure. An enum names its allowed values
// ("type must be one of ACCESS, CORRECTION"), and the errors Ajv adds around it (the
// `null` branch of a nullable enum, the `anyOf` that failed, one `const` per literal of a
// union) are folded into that one sentence instead of being repeated.
import type { FastifySchemaValidationError } from 'fastify';

/** "type", "stores.0.status"; the context ("body", "querystring") when the root is meant. */
function fieldName(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').split('/').join('.');
  return path.length > 0 ? path : (context ?? 'input');
}

/** The message for a validation failure, field by field, allowed values listed once. */
export function validationMessage(errors: readonly FastifySchemaValidationError[], context: string | undefined, fallback: string): string {
  const allowed = new Map<string, Set<string>>();
  const nullable = new Set<string>();
  for (const e of errors) {
    const params = e.params as { allowedValues?: unknown[]; allowedValue?: unknown; type?: unknown };
    if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      const set = allowed.get(e.instancePath) ?? new Set<string>();
      for (const v of params.allowedValues) set.add(String(v));
      allowed.set(e.instancePath, set);
    } else if (e.keyword === 'const' && params.allowedValue !== undefined) {
      allowed.set(e.instancePath, (allowed.get(e.instancePath) ?? new Set<string>()).add(String(params.allowedValue)));
    } else if (e.keyword === 'type' && params.type === 'null') {
      nullable.add(e.instancePath);
    }
  }
  if (allowed.size === 0) return fallback;
  const sentences = [...allowed].map(([path, values]) => `${fieldName(path, context)} must be one of ${[...values].join(', ')}${nullable.has(path) ? ', or null' : ''}`);
  // Errors at other fields are kept, in Ajv's words, after the enum sentences.
  const others = errors
    .filter((e) => !allowed.has(e.instancePath) && e.keyword !== 'anyOf')
    .map((e) => `${fieldName(e.instancePath, context)} ${e.message ?? 'is invalid'}`);
  return [...sentences, ...others].join('; ');
}
