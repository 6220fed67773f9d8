/**
 * Scores `lintMarkdown` on whole documents nobody on the team wrote: each
 * blame finding is matched to a labelled sentence by its span (several
 * documents keep a whole section on one line, so a line is not enough).
 * A finding on a `blaming` sentence is a true positive; on an unlabelled or
 * `blameless-trap` sentence a false positive (counted once per sentence);
 * `borderline` counts neither way; a `blaming` sentence without a finding is
 * a miss. Also counts the documents without a blaming sentence that get an
 * error-severity finding: a pull-request check would fail them. Pure: the
 * eval script reads the corpus from `../shared/corpus/` and passes it in.
 *
 * @example
 * const result = evaluateDocuments(docs, labels);
 * result.falsePositivesPer1000Words // 0.2
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { splitSentences } from './grammar/sentences.js';
import { tokenize } from './grammar/tokens.js';
import { lintMarkdown, type LintOptions } from './index.js';

/** One document: its file name and text. */
export interface CorpusDocument {
  name: string;
  text: string;
}

/** One labelled sentence of a document (`text` occurs exactly once in it). */
export interface SentenceLabel {
  doc: string;
  text: string;
  label: 'blaming' | 'borderline' | 'blameless-trap';
}

/** What one finding hit, for reading the mistakes. */
export interface ScoredFinding {
  doc: string;
  ruleId: string;
  severity: string;
  verdict: 'true-positive' | 'false-positive' | 'borderline';
  sentence: string;
}

/** The figures of one document set. */
export interface DocumentEvaluation {
  documents: number;
  words: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  falsePositivesPer1000Words: number;
  /** Documents with no `blaming` sentence that get at least one error-severity finding. */
  blamelessDocumentsWithError: number;
  blamelessDocuments: number;
  findings: ScoredFinding[];
  misses: string[];
}

/** Lints every document and scores its blame findings against the labels (none: everything is blameless). */
export function evaluateDocuments(documents: readonly CorpusDocument[], labels: readonly SentenceLabel[] = [], options: LintOptions = {}): DocumentEvaluation {
  const findings: ScoredFinding[] = [];
  const misses: string[] = [];
  let words = 0;
  let blamelessDocuments = 0;
  let blamelessDocumentsWithError = 0;
  for (const doc of documents) {
    const body = doc.text.replace(/^<!--[^\n]*-->\n/, '');
    words += body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const own = labels.filter((l) => l.doc === doc.name).map((l) => ({ ...l, start: doc.text.indexOf(l.text), hit: false }));
    const sentences = splitSentences(tokenize(doc.text));
    const lineStarts = lineOffsets(doc.text);
    const diagnostics = lintMarkdown(doc.name, doc.text, options).filter((d) => d.ruleId.startsWith('blame/') && d.ruleId !== 'blame/unused-suppression');
    const seen = new Set<string>();
    for (const d of diagnostics) {
      const [start, end] = rangeOf(d, lineStarts);
      const label = own.find((l) => l.start !== -1 && start < l.start + l.text.length && l.start < end);
      if (label) label.hit = true;
      const sentence = label?.text ?? sentenceAt(doc.text, sentences, start);
      const verdict = label?.label === 'blaming' ? 'true-positive' : label?.label === 'borderline' ? 'borderline' : 'false-positive';
      const key = `${verdict}\u0000${sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ doc: doc.name, ruleId: d.ruleId, severity: d.severity, verdict, sentence });
    }
    for (const l of own) if (l.label === 'blaming' && !l.hit) misses.push(`${doc.name}: ${l.text}`);
    if (!own.some((l) => l.label === 'blaming')) {
      blamelessDocuments++;
      if (diagnostics.some((d) => d.severity === 'error')) blamelessDocumentsWithError++;
    }
  }
  return scoreDocuments({ documents: documents.length, words, blamelessDocuments, blamelessDocumentsWithError, findings, misses });
}

/** The figures of scored findings and misses (also of two halves put together: their counts added, their lists joined). */
export function scoreDocuments(
  parts: Pick<DocumentEvaluation, 'documents' | 'words' | 'blamelessDocuments' | 'blamelessDocumentsWithError' | 'findings' | 'misses'>,
): DocumentEvaluation {
  const { documents, words, blamelessDocuments, blamelessDocumentsWithError, findings, misses } = parts;
  const tp = findings.filter((f) => f.verdict === 'true-positive').length;
  const fp = findings.filter((f) => f.verdict === 'false-positive').length;
  const fn = misses.length;
  return {
    documents,
    words,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: round(tp + fp === 0 ? 1 : tp / (tp + fp)),
    recall: round(tp + fn === 0 ? 1 : tp / (tp + fn)),
    falsePositivesPer1000Words: round((fp * 1000) / Math.max(1, words)),
    blamelessDocumentsWithError,
    blamelessDocuments,
    findings,
    misses,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  return starts;
}

/** A diagnostic's [start, end) offsets in the text, from its 1-based line and column. */
function rangeOf(d: Diagnostic, lineStarts: readonly number[]): [number, number] {
  const start = (lineStarts[(d.line ?? 1) - 1] ?? 0) + (d.column ?? 1) - 1;
  const end = d.endLine !== null && d.endColumn !== null ? (lineStarts[d.endLine - 1] ?? 0) + d.endColumn - 1 : start + 1;
  return [start, Math.max(end, start + 1)];
}

function sentenceAt(text: string, sentences: ReturnType<typeof splitSentences>, offset: number): string {
  const sentence = sentences.find((s) => offset >= s.start && offset < s.end);
  return sentence ? text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ') : `@${offset}`;
}

/** One line per set: documents, words, TP/FP/FN, precision, recall, FP per 1,000 words, blameless documents with an error. */
export function formatDocumentEvaluation(name: string, r: DocumentEvaluation): string {
  return [
    `${name}: ${r.documents} documents, ${r.words} words`,
    `  TP ${r.truePositives}  FP ${r.falsePositives}  FN ${r.falseNegatives}  precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}`,
    `  false positives per 1,000 words ${r.falsePositivesPer1000Words.toFixed(3)}`,
    `  documents without a blaming sentence that get an error: ${r.blamelessDocumentsWithError} of ${r.blamelessDocuments}`,
  ].join('\n');
}
