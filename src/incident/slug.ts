/**
 * The one slugifier: incident file names (`new`, `import`) and the action ids
 * `sync` adds both come from here. Scripts with a well-kept romanisation
 * (Latin with accents, Cyrillic, Greek, Arabic…) are transliterated by
 * `@sindresorhus/transliterate`; scripts it does not romanise (Japanese,
 * Chinese, Korean, Devanagari…) keep their own letters, because a guessed
 * reading (a Chinese one for Japanese kanji, say) would be wrong and every
 * title would otherwise end up as the same fallback.
 *
 * @example
 * slugify('Checkout API: 500s!')        // 'checkout-api-500s'
 * slugify('Сбой базы данных')           // 'sboy-bazy-dannykh'
 * slugify('東京データセンター障害')      // '東京データセンター障害'
 * slugify('Add a test', { maxWords: 6, maxLength: 48, asciiOnly: true, fallback: 'action-1' })
 */
import transliterate from '@sindresorhus/transliterate';

export interface SlugOptions {
  /** Longest slug, in characters (code points). Default 60. */
  maxLength?: number;
  /** Keep only the first N words. Default: all. */
  maxWords?: number;
  /** Drop what cannot be romanised (for ids whose pattern is ASCII). Default false. */
  asciiOnly?: boolean;
  /** The slug when nothing is left. Default `incident`. */
  fallback?: string;
}

/** A romanisation: ASCII and not empty (the library drops a few letters it has no reading for, such as `ー`). */
const ROMANISED = /^[\x00-\x7f]+$/;

/** A lower-case, hyphen-separated slug of `text`; never empty. */
export function slugify(text: string, options: SlugOptions = {}): string {
  const { maxLength = 60, maxWords = Infinity, asciiOnly = false, fallback = 'incident' } = options;
  const kept = asciiOnly ? /[^a-z0-9]+/g : /[^\p{L}\p{M}\p{N}]+/gu;
  const words = romanise(text).toLowerCase().split(kept).filter(Boolean).slice(0, maxWords);
  const slug = [...words.join('-')].slice(0, maxLength).join('').replace(/-+$/, '');
  return slug || fallback;
}

/**
 * Transliterates the runs of characters the library romanises, as whole runs
 * (some of its rules span two letters), and leaves the other runs as written.
 */
function romanise(text: string): string {
  const runs: Array<{ romanised: boolean; text: string }> = [];
  // NFKC first: full-width letters and ligatures become the plain letters they stand for.
  for (const char of text.normalize('NFKC')) {
    const romanised = ROMANISED.test(transliterate(char));
    const last = runs[runs.length - 1];
    if (last && last.romanised === romanised) last.text += char;
    else runs.push({ romanised, text: char });
  }
  return runs.map((run) => (run.romanised ? transliterate(run.text) : run.text)).join('');
}

/** `base`, or the first of `base-2`, `base-3`… that is not taken: two things named alike never share a name. */
export function uniqueSlug(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
