/**
 * The labelled sentence sets in test/fixtures/lint/, found by file name so a
 * new held-out set needs no wiring: `corpus.jsonl` is `development`,
 * `families.jsonl` `development-2`, `families-N.jsonl` `development-(N+1)`,
 * `holdout.jsonl` `holdout` and `holdout-N.jsonl` `holdout-N`, in that order
 * (numbers compared as numbers). Shared by `npm run eval` and the corpus test.
 */
import { readdirSync } from 'node:fs';

export interface LabelledSet {
  readonly name: string;
  readonly file: string;
}

const setFile = /^(corpus|families|holdout)(?:-(\d+))?\.jsonl$/;
const kindOrder = ['corpus', 'families', 'holdout'];

export function labelledSets(folder: string): LabelledSet[] {
  return readdirSync(folder)
    .map((file) => ({ file, match: setFile.exec(file) }))
    .filter((x): x is { file: string; match: RegExpExecArray } => x.match !== null)
    .map(({ file, match }) => ({ file, kind: match[1]!, number: match[2] === undefined ? 1 : Number(match[2]) }))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.number - b.number)
    .map(({ file, kind, number }) => ({ file, name: setName(kind, number) }));
}

function setName(kind: string, number: number): string {
  if (kind === 'holdout') return number === 1 ? 'holdout' : `holdout-${number}`;
  // corpus.jsonl came first, so the families probes are numbered one higher.
  const development = kind === 'corpus' ? 1 : number + 1;
  return development === 1 ? 'development' : `development-${development}`;
}
