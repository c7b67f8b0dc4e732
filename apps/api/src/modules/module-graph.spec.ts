import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

const MODULES = __dirname;

/** Every .ts file under `dir`, specs included: a test that imports a module is a dependency too. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The module (folder under modules/) a path inside it belongs to, or undefined outside modules/. */
function moduleOf(path: string): string | undefined {
  const inside = relative(MODULES, path);
  if (inside.startsWith('..') || !inside.includes(sep)) return undefined;
  return inside.split(sep)[0];
}

/** Which modules each module imports (`#api/modules/<name>/...` or a relative path into another one). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(MODULES)) {
    const from = moduleOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const { fileName } of preProcessFile(readFileSync(file, 'utf8')).importedFiles) {
      const target = fileName.startsWith('#api/modules/')
        ? fileName.split('/')[2]
        : fileName.startsWith('.')
          ? moduleOf(resolve(file, '..', fileName))
          : undefined;
      if (target && target !== from) edges.add(target);
    }
  }
  return graph;
}

/** The import cycles of `graph`, each as the path that closes it (`a → b → a`), found by depth-first search. */
function findCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    const seenAt = path.indexOf(node);
    if (seenAt >= 0) {
      cycles.push([...path.slice(seenAt), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}

describe('API module graph', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['people', new Set(['access'])],
      ['access', new Set(['audit'])],
      ['audit', new Set(['people'])],
      ['tasks', new Set(['people'])],
    ]);
    expect(findCycles(graph)).toEqual([['people', 'access', 'audit', 'people']]);
  });

  it('reads the real imports (tasks uses cycles)', () => {
    expect(moduleGraph().get('tasks')).toContain('cycles');
  });

  it('has no two modules importing each other, directly or around a circle', () => {
    expect(findCycles(moduleGraph()).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
