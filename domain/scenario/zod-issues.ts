/**
 * Turning zod issues into messages a tutor can act on, each with the document path it
 * concerns (so the loader can give the line).
 */
import type { z } from 'zod';
import type { DocPath } from './yaml-source.js';

/** A problem at a path in the parsed document. */
export interface PathIssue {
  path: DocPath;
  message: string;
}

function valueAt(root: unknown, path: DocPath): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 16).map(String).join(', ');
  return values.length > 16 ? `${shown}, …` : shown;
}

function describeType(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping (key: value lines)';
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    default:
      return expected;
  }
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** "unknown key" next to a "missing" sibling of a similar name: probably a misspelling. */
function suggestSpellings(issues: PathIssue[]): PathIssue[] {
  const parent = (p: DocPath): string => JSON.stringify(p.slice(0, -1));
  return issues.map((i) => {
    if (!i.message.startsWith('unknown key')) return i;
    const key = String(i.path[i.path.length - 1]);
    const near = issues.find(
      (m) => m.message.startsWith('missing') && parent(m.path) === parent(i.path) && editDistance(String(m.path[m.path.length - 1]), key) <= 2,
    );
    return near ? { ...i, message: `${i.message} (did you mean "${String(near.path[near.path.length - 1])}"?)` } : i;
  });
}

/** Tutor-facing messages for the zod issues of parsing `input`. */
export function explainZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: DocPath = []): PathIssue[] {
  return suggestSpellings(explain(issues, input, prefix));
}

function explain(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: DocPath): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of issues) {
    const path: DocPath = [...prefix, ...issue.path];
    const got = valueAt(input, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: [...path, key], message: `unknown key "${key}"` });
        break;
      case 'invalid_type':
        out.push({
          path,
          message:
            got === undefined
              ? `missing: expected ${describeType(issue.expected)}`
              : `expected ${describeType(issue.expected)}, found ${show(got)}`,
        });
        break;
      case 'invalid_value':
        out.push({
          path,
          message:
            got === undefined
              ? `missing: expected ${issue.values.length === 1 ? show(issue.values[0]) : `one of: ${listValues(issue.values)}`}`
              : issue.values.length === 1
                ? `expected ${show(issue.values[0])}, found ${show(got)}`
                : `unknown value ${show(got)}; expected one of: ${listValues(issue.values)}`,
        });
        break;
      case 'invalid_union': {
        if (issue.errors.length === 0) {
          // a discriminated union with an unknown tag
          const opts = (issue as { options?: unknown[] }).options;
          out.push({ path, message: `unknown value ${show(got)}${opts ? `; expected one of: ${listValues(opts)}` : ''}` });
          break;
        }
        // a branch that got past the type check explains best
        const deep = issue.errors.find((branch) => branch.some((i) => i.path.length > 0));
        if (deep) {
          const base = issue.path;
          out.push(...explain(deep, valueAt(input, base), path));
        } else {
          const expected = issue.errors.flat().map((i) => (i.code === 'invalid_type' ? describeType(i.expected) : i.message));
          out.push({ path, message: `expected ${[...new Set(expected)].join(' or ')}, found ${show(got)}` });
        }
        break;
      }
      case 'invalid_key': {
        const key = issue.path[issue.path.length - 1];
        const why = issue.issues.map((i) => i.message).join('; ');
        out.push({ path, message: `bad key "${String(key)}": ${why}` });
        break;
      }
      case 'too_small':
        out.push({
          path,
          message:
            issue.origin === 'array'
              ? `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`
              : issue.origin === 'string'
                ? 'must not be empty'
                : `must be at least ${issue.minimum}, found ${show(got)}`,
        });
        break;
      case 'too_big':
        out.push({ path, message: `must be at most ${issue.maximum}, found ${show(got)}` });
        break;
      default:
        out.push({ path, message: issue.message.replace(/^Invalid input: /, '') });
    }
  }
  return out;
}
