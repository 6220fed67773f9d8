/**
 * The one set of ajv options for every JSON Schema this tool checks, and a
 * run-time compile for tests and for the generator. The CLI does not compile
 * at run time: `npm run schemas` writes the same validators as standalone
 * code (`standalone-validators.ts`), so a process pays neither ajv's import
 * nor its 70–80 ms compile.
 *
 * @example
 * const validate = compileSchema(JSON.parse(readFileSync('schema/postmortem.schema.json', 'utf8')));
 */
import { Ajv2020, type Options, type ValidateFunction } from 'ajv/dist/2020.js';

/** All errors (not just the first) so one run reports every problem of a file; verbose for the messages' schema lookups. */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true };

/** An ajv instance with the shared options; `extra` adds e.g. the standalone code options. */
export function createAjv(extra: Options = {}): Ajv2020 {
  return new Ajv2020({ ...AJV_OPTIONS, ...extra });
}

/** Compiles a JSON Schema at run time with the shared options. */
export function compileSchema(schema: object): ValidateFunction {
  return createAjv().compile(schema);
}
