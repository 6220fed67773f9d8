/**
 * The training samples of the blame model, gathered from what the caller has
 * read: the team's labelled sentence sets (test/fixtures/lint/*.jsonl, one
 * sample per expected family, names of the set's people normalised) and real
 * blameless prose (sentences of Markdown documents, minus those labelled
 * `blaming` or `borderline`), as negatives. Pure: the training script and the
 * evaluation read the files.
 *
 * @example
 * const samples = [...labelledSamples(parseCorpus(jsonl)), ...blamelessSamples(docs, labels)];
 */
import type { Corpus } from '../evaluate.js';
import type { CorpusDocument, SentenceLabel } from '../evaluate-documents.js';
import { createPeople } from '../grammar/people.js';
import { splitSentences } from '../grammar/sentences.js';
import { tokenize } from '../grammar/tokens.js';
import { extractMarkdownProse } from '../sources/markdown.js';
import { MODEL_CLASSES } from './classifier.js';
import { sentenceFeatures } from './features.js';
import type { Sample } from './train.js';

/** One sample per family a labelled sentence expects (`none` for a blameless one). */
export function labelledSamples(corpus: Corpus): Sample[] {
  const people = createPeople(corpus.people);
  return corpus.cases.flatMap((item) => {
    const buckets = sentenceFeatures(tokenize(item.text), people).map((f) => f.bucket);
    const families = item.expect.length === 0 ? ['none'] : item.expect;
    return families.map((family) => ({ buckets, label: MODEL_CLASSES.indexOf(family as (typeof MODEL_CLASSES)[number]) })).filter((s) => s.label !== -1);
  });
}

/** Every sentence of the documents' prose blocks that no label calls blaming or borderline, as a `none` sample. */
export function blamelessSamples(documents: readonly CorpusDocument[], labels: readonly SentenceLabel[] = []): Sample[] {
  const samples: Sample[] = [];
  for (const doc of documents) {
    const flagged = labels.filter((l) => l.doc === doc.name && l.label !== 'blameless-trap').map((l) => squash(l.text));
    const prose = extractMarkdownProse(doc.text.replace(/^\uFEFF/, ''));
    const people = createPeople(prose.names);
    for (const block of prose.blocks) {
      for (const sentence of splitSentences(tokenize(block.text))) {
        const text = squash(block.text.slice(sentence.start, sentence.end));
        if (flagged.some((label) => label.includes(text) || text.includes(label))) continue;
        samples.push({ buckets: sentenceFeatures(sentence.words, people).map((f) => f.bucket), label: 0 });
      }
    }
  }
  return samples;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
