/**
 * The JSON Schema files shipped in `schema/`, as path → file text. One
 * function shared by the script that writes them and the test that checks
 * the committed copies are current.
 *
 * @example
 * publishedSchemas()['schema/postmortem.schema.json'] // → '{\n  "$schema": …'
 */
import { configJsonSchema } from '../config/schema.js';
import { incidentJsonSchema } from './schema.js';

export const INCIDENT_SCHEMA_FILE = 'schema/postmortem.schema.json';
export const CONFIG_SCHEMA_FILE = 'schema/postmortem.config.schema.json';

export function publishedSchemas(): Record<string, string> {
  const text = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;
  return {
    [INCIDENT_SCHEMA_FILE]: text(incidentJsonSchema()),
    [CONFIG_SCHEMA_FILE]: text(configJsonSchema()),
  };
}
