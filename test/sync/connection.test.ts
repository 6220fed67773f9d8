import { describe, expect, it } from 'vitest';
import { checkApiUrl, redactToken, resolveConnection } from '../../src/io/github/connection.js';

describe('API URL', () => {
  it.each(['https://api.github.com', 'https://ghe.example.com/api/v3', 'http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9000'])(
    'accepts %s',
    (url) => {
      expect(checkApiUrl(url)).toBe(url);
    },
  );

  it.each(['http://api.github.com', 'http://10.0.0.1', 'http://127.0.0.1.nip.io', 'ftp://x', 'not a url', 'https://user:pw@ghe.example.com'])(
    'refuses %s',
    (url) => {
      expect(() => checkApiUrl(url)).toThrow(/--api-url/);
    },
  );
});

describe('connection', () => {
  it('takes the token from GITHUB_TOKEN, then GH_TOKEN', () => {
    expect(resolveConnection({ repo: 'a/b' }, { GH_TOKEN: 'x' }, null)).toMatchObject({ owner: 'a', repo: 'b', token: 'x', apiUrl: 'https://api.github.com' });
  });

  it('needs a token unless it is a dry run', () => {
    expect(() => resolveConnection({ repo: 'a/b' }, {}, null)).toThrow(/GITHUB_TOKEN/);
    expect(resolveConnection({ repo: 'a/b', dryRun: true }, {}, null).token).toBeNull();
  });

  it.each([
    ['github.com when nothing names a server', {}, undefined, 'https://github.com'],
    ['the config (`sync.server_url`) outside Actions', {}, 'https://ghe.example.com', 'https://ghe.example.com'],
    [
      'GITHUB_SERVER_URL on a runner, over the config',
      { GITHUB_SERVER_URL: 'https://ghe.example.com/' },
      'https://other.example.com',
      'https://ghe.example.com',
    ],
  ])('links issue bodies to %s', (_case, env: Record<string, string>, configServerUrl, expected) => {
    expect(resolveConnection({ repo: 'a/b', dryRun: true }, env, null, configServerUrl).serverUrl).toBe(expected);
  });

  it('redacts the token from any text', () => {
    expect(redactToken('Bearer sekrit-token here', 'sekrit-token')).toBe('Bearer *** here');
  });
});
