/**
 * `blame/counterfactual`, a grammatical rule: what a person should have done
 * or failed to do. Only a person as subject counts, so "the probe failed to
 * connect" and "a canary stage could have limited the impact" pass while
 * "Priya failed to notice" and "the reviewer ought to have caught it" do not.
 *
 * @example
 * checkCounterfactual(clauses, sentence, people) // [{ ruleId: 'blame/counterfactual', start, end }]
 */
import { span, type Finding } from './finding.js';
import { isPersonAt, nextPerson, personSubject, type People } from '../grammar/people.js';
import { findPhrase, nextWord, previousWord } from '../grammar/windows.js';
import { type Span, type Token } from '../grammar/tokens.js';
import { DILIGENCE_VERBS, MODAL_CONTRACTIONS, MODALS, OMISSION_VERBS, PERCEPTION_VERBS } from '../vocabulary/generated.js';

/** "should have been obvious / caught": a judgement with the person left out. */
const BEEN_JUDGED = new Set(['obvious', 'clear', 'caught', 'noticed', 'spotted', 'seen', 'checked', 'tested', 'reviewed', 'prevented', 'avoided', 'known', 'apparent', 'evident']);
/** `blame/counterfactual`: what a person should have done, or failed to do. */
export function checkCounterfactual(clauses: readonly Span[], sentence: Span, people: People): Finding[] {
  const rule = 'blame/counterfactual';
  const conditional = conditionalPerson(sentence.words, people);
  if (conditional) return [conditional];
  for (const clause of clauses) {
    const words = clause.words;
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.kind !== 'word') continue;
      const end = omissionAt(words, i, people);
      if (end !== -1) return [span(rule, words[i]!, words[end]!)];
    }
  }
  const bother = sentence.words.findIndex((w) => /^bother(ed|ing|s)?$/.test(w.lower));
  if (bother !== -1) return [span(rule, sentence.words[bother]!, sentence.words[bother]!)];
  const hidden = hiddenAgent(sentence.words, people);
  return hidden ? [hidden] : [];
}

/**
 * Passive voice that hides a person and judges them: "the alert was
 * ignored", "the runbook was not followed". Only for things people are meant
 * to attend to, only without a stated cause ("…because the pipeline…") and
 * without an agent that is not a person ("ignored by the parser").
 */
function hiddenAgent(words: readonly Token[], people: People): Finding | null {
  if (words.some((w) => CAUSE_GIVEN.has(w.lower))) return null;
  for (let i = 0; i < words.length; i++) {
    if (!IGNORED.has(words[i]!.lower)) continue;
    let be = previousWord(words, i);
    if (be !== -1 && (words[be]!.lower === 'not' || words[be]!.lower === 'never')) be = previousWord(words, be);
    if (be === -1 || !['was', 'were', 'been', 'got'].includes(words[be]!.lower)) continue;
    const negated = be !== previousWord(words, i);
    if (!negated && !['ignored', 'dismissed', 'overlooked', 'neglected', 'bypassed', 'disregarded'].includes(words[i]!.lower)) continue;
    const subject = words.slice(0, be).reverse().find((w) => w.kind === 'word' && !['the', 'a', 'an', 'all', 'both', 'these', 'those'].includes(w.lower));
    const by = nextWord(words, i);
    const agent = by !== -1 && words[by]!.lower === 'by' ? (nextPerson(words, by, people, 3) === -1 ? 'thing' : 'person') : 'none';
    if (subject && ATTENDED.has(subject.lower) && agent !== 'thing') return span('blame/counterfactual', words[be]!, words[i]!);
  }
  return null;
}

const IGNORED = new Set(['ignored', 'dismissed', 'overlooked', 'neglected', 'bypassed', 'disregarded', 'followed', 'read', 'checked', 'heeded']);
/** Things people are meant to read, follow or answer. */
const ATTENDED = new Set([
  'alert', 'alerts', 'warning', 'warnings', 'page', 'pages', 'runbook', 'process', 'procedure', 'checklist', 'policy', 'instructions',
  'notes', 'ticket', 'tickets', 'advice', 'escalation', 'playbook', 'guidelines', 'email', 'emails', 'message', 'messages',
]);
const CAUSE_GIVEN = new Set(['because', 'since', 'so', 'as', 'due']);


/** "If Marco had followed", "Had the engineer waited". */
function conditionalPerson(words: readonly Token[], people: People): Finding | null {
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    const first = previousWord(words, i) === -1;
    if (lower !== 'if' && !(lower === 'had' && first)) continue;
    for (let j = nextWord(words, i), n = 0; j !== -1 && n < 4; j = nextWord(words, j), n++) {
      if (!isPersonAt(words, j, people)) continue;
      const had = lower === 'had' ? j : findPhrase(words, ['had'], j);
      if (had !== -1 && had - j < 4) return span('blame/counterfactual', words[i]!, words[had]!);
    }
  }
  return null;
}

/** End index of an omission or modal perfect at `i` whose subject is a person, or -1. */
function omissionAt(words: readonly Token[], i: number, people: People): number {
  const lower = words[i]!.lower;
  const next = nextWord(words, i);
  const nextLower = words[next]?.lower ?? '';
  const modalEnd = modalPerfectEnd(words, i);
  if (modalEnd !== -1) {
    const after = words[nextWord(words, modalEnd)]?.lower ?? '';
    if (after === 'been') return BEEN_JUDGED.has(words[nextWord(words, nextWord(words, modalEnd))]?.lower ?? '') ? modalEnd : -1;
    const subject = personSubject(words, i, people);
    if (subject === -1) return -1;
    const anyone = ['anyone', 'anybody'].includes(words[subject]!.lower) && PERCEPTION_VERBS.has(after);
    return anyone ? -1 : modalEnd;
  }
  let end = -1;
  if (OMISSION_VERBS.has(lower) && (nextLower === 'to' || lower !== 'failed')) end = nextLower === 'to' ? next : i;
  else if (['missed', 'skipped', 'overlooked', 'ignores'].includes(lower)) end = i;
  else if (lower === 'supposed' && nextLower === 'to') end = next;
  else if ((lower === 'had' || lower === 'have') && ['every', 'ample', 'plenty'].includes(nextLower)) end = next;
  else if ((['took', 'thought'].includes(lower) || NOBODY_DID.has(lower)) && negativeSubject(words, i, people)) end = i;
  else if (isNegation(words, i)) end = negatedDiligence(words, i);
  if (end === -1) return -1;
  return personSubject(words, i, people) === -1 ? -1 : end;
}

/** What nobody did: "nobody read the runbook", "no one checked". */
const NOBODY_DID = new Set(['read', 'checked', 'noticed', 'looked', 'tested', 'reviewed', 'verified', 'bothered', 'asked', 'followed']);

function negativeSubject(words: readonly Token[], i: number, people: People): boolean {
  const subject = personSubject(words, i, people);
  return subject !== -1 && ['no', 'nobody'].includes(words[subject]!.lower);
}

function isNegation(words: readonly Token[], i: number): boolean {
  const lower = words[i]!.lower;
  if (['never', "didn't", "don't", "doesn't", "hadn't"].includes(lower)) return true;
  return lower === 'not' && ['did', 'does', 'do', 'had'].includes(words[previousWord(words, i)]?.lower ?? '');
}

/** "didn't even look", "never read", "did not follow". */
function negatedDiligence(words: readonly Token[], i: number): number {
  for (let j = nextWord(words, i), n = 0; j !== -1 && n < 2; j = nextWord(words, j), n++) {
    if (DILIGENCE_VERBS.has(words[j]!.lower) || DILIGENCE_VERBS.has(words[j]!.lower.replace(/(ed|s)$/, ''))) return j;
  }
  return -1;
}

/** "should have", "ought to have", "should've", "couldn't have": the end index, or -1. */
function modalPerfectEnd(words: readonly Token[], i: number): number {
  const lower = words[i]!.lower;
  if (MODAL_CONTRACTIONS.has(lower)) return i;
  const base = lower.replace(/n't$/, '');
  if (!MODALS.has(base) && base !== 'should' && lower !== "shouldn't" && lower !== "couldn't") return -1;
  let j = nextWord(words, i);
  for (let n = 0; j !== -1 && n < 2 && ['to', 'not'].includes(words[j]!.lower); n++) j = nextWord(words, j);
  return j !== -1 && words[j]!.lower === 'have' ? j : -1;
}

