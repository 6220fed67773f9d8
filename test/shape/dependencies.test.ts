/**
 * package.json and src/ agree: every runtime dependency is imported by src/
 * (an unused one only costs installs), and every package src/ imports is
 * declared (a transitive one can vanish in any update). Type-only imports may
 * come from devDependencies, since they are erased from the built code. The
 * Action's modules (src/action/) are bundled into action/dist/ by esbuild, so
 * what only they import is a dev dependency, inlined in the committed bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const SOURCES = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

/** A bare specifier's package name: `@scope/name/x` -> `@scope/name`, `name/x` -> `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The bare imports of one file, comments removed first: doc examples mention packages src/ does not use. */
function bareImports(source: string): { name: string; typeOnly: boolean }[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [
    ...code.matchAll(/^\s*(import|export)(\s+type)?\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm),
  ].map((m) => ({
    specifier: (m[3] ?? m[4] ?? m[5])!,
    typeOnly: m[2] !== undefined,
  }));
  return found
    .filter(({ specifier }) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map(({ specifier, typeOnly }) => ({ name: packageName(specifier), typeOnly }));
}

const BUNDLED_ONLY = (file: string) => file.startsWith(`action${path.sep}`);
const imports = SOURCES.flatMap((file) => bareImports(readFileSync(path.join(ROOT, 'src', file), 'utf8')).map((entry) => ({ file, ...entry })));
const runtimeImported = new Set(imports.filter((entry) => !entry.typeOnly).map((entry) => entry.name));
const typeImported = new Set(imports.filter((entry) => entry.typeOnly).map((entry) => entry.name));

describe('the declared dependencies', () => {
  it('finds the imports (the scan works)', () => {
    expect([...runtimeImported]).toEqual(expect.arrayContaining(['yaml', '@octokit/rest', 'ajv']));
    expect([...typeImported]).toEqual(expect.arrayContaining(['sarif']));
  });

  it.each(Object.keys(manifest.dependencies))('%s is imported by src/', (name) => {
    expect(runtimeImported.has(name) || typeImported.has(name)).toBe(true);
  });

  it.each(
    imports
      .filter((entry) => !entry.typeOnly && !(BUNDLED_ONLY(entry.file) && entry.name in manifest.devDependencies))
      .map((entry) => [entry.name, entry.file] as const),
  )('%s (imported by %s) is a runtime dependency', (name) => {
    expect(Object.keys(manifest.dependencies)).toContain(name);
  });

  it.each(imports.filter((entry) => entry.typeOnly).map((entry) => [entry.name, entry.file] as const))(
    'types from %s (imported by %s) are declared',
    (name) => {
      const declared = { ...manifest.dependencies, ...manifest.devDependencies };
      expect(name in declared || `@types/${name}` in declared).toBe(true);
    },
  );
});
