// SANDBOX_API_DTS is what Monaco's IntelliSense knows about the ETL API.
// These tests compile it with TypeScript, as Monaco's worker would.
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { SANDBOX_API_DTS } from './api-dts';
import { API_NAMES } from './compile';

// Parsing lib.dom.d.ts takes seconds; parse each library file once.
const libraryFiles = new Map<string, ts.SourceFile | undefined>();
vi.setConfig({ testTimeout: 60_000 });

function check(cell: string, lib: string[]): string[] {
  const files: Record<string, string> = { '/api.d.ts': SANDBOX_API_DTS, '/cell.js': cell };
  const options: ts.CompilerOptions = {
    lib,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    // A cell is checked like a module so top-level await is allowed; the
    // declaration file stays a script, so its names are globals.
    moduleDetection: ts.ModuleDetectionKind.Force,
    allowJs: true,
    checkJs: true,
    strict: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.getSourceFile = (name, version) => {
    if (name in files) return ts.createSourceFile(name, files[name], version);
    if (!libraryFiles.has(name)) libraryFiles.set(name, getSourceFile(name, version));
    return libraryFiles.get(name);
  };
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

const LEARNER_CELL = `
const trips = await extract('trips.csv');
const raw = await extract('trips.csv', { infer: false });
const events = await extract('app_events.ndjson');
const lines = await extract('server.log');
const manifest = await extract('manifest.json');
const byName = await extract('trips');
console.log(trips.problems.length, events.problems[0]?.line, lines[0].toUpperCase(), manifest, byName.file, raw.length);
const clean = trips.filter((t) => t.fare !== null).map((t) => ({ city: String(t.city), fare: Number(t.fare) }));
const written = await load('clean_trips', clean);
await load('clean_trips', clean, { mode: 'append' });
console.log(written.rows, written.columns[0].type);
const top = await sql('SELECT city, count(*) AS n FROM clean_trips WHERE fare > ? GROUP BY city', [0]);
console.log(top.columns, top.changes, top[0].city);
/** @type {SqlRows<{ n: number }>} */
const typed = await sql('SELECT count(*) AS n FROM clean_trips WHERE city = :city', { city: 'Seoul' });
const n = typed[0].n.toFixed(0);
display(top, 'Top cities');
display(n);
console.table(top);
`;

describe('the API declarations for the editor', () => {
  // Monaco's JavaScript defaults include the DOM library; a UI may also drop it.
  it.each([[['lib.es2023.d.ts']], [['lib.es2023.d.ts', 'lib.dom.d.ts']]])(
    'compile, with a learner\'s cell that uses every function, without errors (lib %j)',
    (lib) => {
      expect(check(LEARNER_CELL, lib)).toEqual([]);
    },
  );

  it('flag a wrong call', () => {
    const errors = check(`await load('t', [], { mode: 'upsert' });\nawait extract(42);`, ['lib.es2023.d.ts']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/"upsert"/);
  });

  it('document each function of the API with JSDoc and an example', () => {
    for (const name of API_NAMES.filter((n) => n !== 'console')) {
      const declaration = SANDBOX_API_DTS.indexOf(`declare function ${name}`);
      expect(declaration, name).toBeGreaterThan(0);
      const doc = SANDBOX_API_DTS.lastIndexOf('/**', declaration);
      expect(SANDBOX_API_DTS.slice(doc, declaration), name).toContain('@example');
    }
    expect(SANDBOX_API_DTS).toContain('declare var console: Console;');
  });
});
