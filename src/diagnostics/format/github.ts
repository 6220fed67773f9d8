/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which
 * the runner turns into annotations on the pull request's diff.
 */
import type { Diagnostic } from '../diagnostic.js';
import { causePlace } from './text.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Workflow-command data escaping, as the runner's toolkit does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`];
      if (d.line !== null) props.push(`line=${d.line}`);
      if (d.column !== null) props.push(`col=${d.column}`);
      if (d.endLine !== null) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== null) props.push(`endColumn=${d.endColumn}`);
      props.push(`title=${escapeProperty(d.ruleId)}`);
      const extra = [
        d.path ? `at ${d.path}` : '',
        d.note ? `hint: ${d.note}` : '',
        d.suggestions.length ? `suggestion: ${d.suggestions.join(' | ')}` : '',
        d.cause ? `see: ${causePlace(d.cause, d.file)}: ${d.cause.message}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(extra ? `${d.message}\n${extra}` : d.message)}\n`;
    })
    .join('');
}
