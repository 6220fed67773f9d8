/**
 * Writes imported incident data as a YAML file people will go on editing:
 * fields in the format's order, times double-quoted (so no YAML 1.1 reader
 * takes `10:03` for a number), long text as block scalars, and a header
 * naming the source and what to review.
 *
 * @example
 * incidentYaml(result.data, 'old/2019-01-07-db.md', '../node_modules/postmortems/schema/postmortem.schema.json')
 * // → '# yaml-language-server: $schema=../node_modules/…\n# Imported from old/2019-01-07-db.md …\ntitle: …'
 */
import { Document, isPair, isScalar, Scalar, visit } from 'yaml';

const TIME_KEYS = new Set(['time']);

/** `schemaPath` is the editor's schema line target, relative to the file written (the workflow's `editorSchemaPath`). */
export function incidentYaml(data: Record<string, unknown>, sourceFile: string, schemaPath: string): string {
  const document = new Document(data, { version: '1.2' });
  visit(document, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && TIME_KEYS.has(String(pair.key.value)) && isScalar(pair.value)) pair.value.type = Scalar.QUOTE_DOUBLE;
    },
  });
  document.commentBefore = [
    ` yaml-language-server: $schema=${schemaPath}`,
    ` Imported from ${sourceFile.replace(/[\r\n]/g, ' ')} by \`postmortem import\`.`,
    ' Review every field; text that had no place in the format is under x-unmapped.',
  ].join('\n');
  return document.toString({ lineWidth: 0, blockQuote: 'literal' });
}
