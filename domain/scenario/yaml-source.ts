/**
 * Reading a tutor's YAML safely and keeping the map from document paths back to lines.
 * Guards: a size limit, a cap on alias expansion (billion-laughs), a nesting-depth limit,
 * one document per file, unique keys. A zod issue path or a semantic check's path is
 * turned into `file:line` by {@link YamlSource.issueAt}.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ScenarioFileError, type ScenarioIssue } from './errors.js';

/** Largest file read, in bytes. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Largest number of alias expansions in one file. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of maps and lists. */
export const MAX_DEPTH = 32;
/**
 * Most `[`/`{` open at once in the raw text, checked before parsing: the YAML parser recurses
 * per flow level and overflows the stack near 1,000 (and V8 can then abort the process on the
 * next parse), so a file deeper than this is refused unread. Far above {@link MAX_DEPTH}, so
 * brackets inside strings never trip it in a real file.
 */
export const MAX_OPEN_BRACKETS = 256;

/** The line on which more than {@link MAX_OPEN_BRACKETS} brackets are open, or 0. */
function tooManyOpenBrackets(text: string): number {
  let open = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x5b || c === 0x7b) {
      if (++open > MAX_OPEN_BRACKETS) return line;
    } else if ((c === 0x5d || c === 0x7d) && open > 0) open--;
  }
  return 0;
}

/** A path into a document: keys and list indexes. */
export type DocPath = readonly PropertyKey[];

/** A parsed YAML file that can say where any path in it is. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** The issue for `path` (the nearest existing node when the path goes further than the file). */
  issueAt(path: DocPath, message: string): ScenarioIssue;
}

/** Render a path like `customer.persona.patience` or `orders[0].lines[1].code`. */
export function formatPath(path: DocPath): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s ? `.${String(seg)}` : String(seg);
  }
  return s;
}

function depthOf(node: unknown): number {
  // iterative, so a hostile file cannot overflow the stack here
  let max = 0;
  const stack: [unknown, number][] = [[node, 1]];
  while (stack.length) {
    const [n, d] = stack.pop() as [unknown, number];
    if (isMap(n) || isSeq(n)) {
      max = Math.max(max, d);
      if (max > MAX_DEPTH) return max;
      for (const item of n.items) {
        if (isPair(item)) {
          stack.push([item.key, d + 1], [item.value, d + 1]);
        } else stack.push([item, d + 1]);
      }
    }
  }
  return max;
}

/** Parse `text` (the content of `file`). Throws a {@link ScenarioFileError} listing every problem. */
export function readYaml(file: string, text: string): YamlSource {
  const at = (line: number, column: number, message: string): ScenarioIssue => ({ file, line, column, path: '', message });
  if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    throw new ScenarioFileError(file, [at(1, 1, `file is larger than ${MAX_FILE_BYTES / 1024} KB`)]);
  }
  const deepAt = tooManyOpenBrackets(text);
  if (deepAt > 0) {
    throw new ScenarioFileError(file, [at(deepAt, 1, `nested too deeply: more than ${MAX_OPEN_BRACKETS} brackets open at once`)]);
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  } catch (e) {
    throw new ScenarioFileError(file, [at(1, 1, `cannot be read as YAML: ${(e as Error).message}`)]);
  }
  if (doc.errors.length > 0) {
    throw new ScenarioFileError(
      file,
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return at(pos.line, pos.col, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
      }),
    );
  }
  if (depthOf(doc.contents) > MAX_DEPTH) {
    throw new ScenarioFileError(file, [at(1, 1, `nested more than ${MAX_DEPTH} levels deep`)]);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = (e as Error).message;
    throw new ScenarioFileError(file, [
      at(1, 1, /alias/i.test(msg) ? `too many aliases (more than ${MAX_ALIAS_COUNT} expansions): refused` : `cannot be read: ${msg}`),
    ]);
  }

  const locate = (path: DocPath): { line: number; column: number } => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) break;
        const keyRange = (pair.key as Node | null)?.range;
        if (keyRange) offset = keyRange[0];
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
        node = node.items[seg];
        const r = (node as Node).range;
        if (r) offset = r[0];
      } else break;
    }
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  return {
    file,
    value,
    issueAt(path, message) {
      const { line, column } = locate(path);
      return { file, line, column, path: formatPath(path), message };
    },
  };
}
