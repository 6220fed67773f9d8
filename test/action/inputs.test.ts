import { describe, expect, it } from 'vitest';
import { parseActionInputs, parsePaths } from '../../src/action/inputs.js';
import { readPullRequest } from '../../src/action/event.js';
import { selectChangedFiles, selectRemovedIncidentFiles } from '../../src/action/changed-files.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseActionInputs', () => {
  it('gives every input its default', () => {
    expect(parseActionInputs(reader({}))).toEqual({
      ok: true,
      inputs: { command: 'check', paths: [], token: '', failOn: 'error', comment: true, commit: false },
    });
  });

  it('reads every input', () => {
    const parsed = parseActionInputs(
      reader({ command: 'sync', paths: 'postmortems/a.yaml\nincidents, more', 'github-token': ' t0k ', 'fail-on': 'never', comment: 'False', commit: 'TRUE' }),
    );
    expect(parsed).toEqual({
      ok: true,
      inputs: { command: 'sync', paths: ['postmortems/a.yaml', 'incidents', 'more'], token: 't0k', failOn: 'never', comment: false, commit: true },
    });
  });

  it.each([
    ['an unknown command', { command: 'publish' }, 'Input `command` must be one of `check`, `sync`, `report`; got `publish`'],
    ['a bad fail-on', { 'fail-on': 'errors' }, 'Input `fail-on` must be one of `error`, `warning`, `never`; got `errors`'],
    ['a bad comment flag', { comment: 'yes' }, 'Input `comment` must be one of `true`, `false`; got `yes`'],
    ['a bad commit flag', { commit: '1' }, 'Input `commit` must be one of `true`, `false`; got `1`'],
    [
      'a secret-length value, not echoed',
      { command: 'ghp_' + 'x'.repeat(40) },
      'Input `command` must be one of `check`, `sync`, `report`; got a value of 44 characters',
    ],
  ])('%s fails naming the input', (_name, values, error) => {
    expect(parseActionInputs(reader(values))).toEqual({ ok: false, error });
  });

  it.each([
    ['', []],
    ['a\nb', ['a', 'b']],
    [' a , b ,\n\n c ', ['a', 'b', 'c']],
  ])('paths %j', (text, expected) => {
    expect(parsePaths(text)).toEqual(expected);
  });
});

describe('readPullRequest', () => {
  const payload = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      user: { login: 'dana' },
      base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/platform' } },
      head: { sha: 'h'.repeat(40), ref: 'fix', repo: { full_name: 'dana/platform' } },
    },
  };

  it('reads number, author, commits, and whether the head is a fork', () => {
    expect(readPullRequest(payload)).toEqual({ number: 7, author: 'dana', baseSha: 'b'.repeat(40), headSha: 'h'.repeat(40), fromFork: true });
  });

  it.each([
    ['a push', { ref: 'refs/heads/main', commits: [] }],
    ['a schedule', { schedule: '0 6 * * 1' }],
    ['a damaged payload', { pull_request: { number: 'seven' } }],
    ['no payload', null],
  ])('%s is not a pull request', (_name, event) => {
    expect(readPullRequest(event)).toBeNull();
  });
});

describe('selectChangedFiles', () => {
  const changed = (path: string, status = 'modified') => ({ path, status, previousPath: null });

  it('keeps incident files and Markdown inside the paths, without removed files', () => {
    const files = [
      changed('postmortems/b.yaml'),
      changed('postmortems/a.md', 'added'),
      changed('postmortems/gone.yaml', 'removed'),
      changed('postmortems/notes.txt'),
      changed('src/index.ts'),
      changed('postmortems-old/c.yaml'),
    ];
    expect(selectChangedFiles(files, ['postmortems/'])).toEqual(['postmortems/a.md', 'postmortems/b.yaml']);
    expect(selectChangedFiles(files, ['./postmortems/b.yaml'])).toEqual(['postmortems/b.yaml']);
  });
});

describe('selectRemovedIncidentFiles', () => {
  it.each([
    ['a removed incident file', [{ path: 'postmortems/gone.yaml', status: 'removed', previousPath: null }], ['postmortems/gone.yaml']],
    ['the old path of a renamed one', [{ path: 'postmortems/new.yml', status: 'renamed', previousPath: 'postmortems/old.yml' }], ['postmortems/old.yml']],
    [
      'not a removed report, nor a file outside the paths',
      [
        { path: 'postmortems/gone.md', status: 'removed', previousPath: null },
        { path: 'elsewhere/gone.yaml', status: 'removed', previousPath: null },
      ],
      [],
    ],
    ['not a modified file', [{ path: 'postmortems/a.yaml', status: 'modified', previousPath: null }], []],
  ])('%s', (_case, changed, expected) => {
    expect(selectRemovedIncidentFiles(changed, ['postmortems'])).toEqual(expected);
  });
});
