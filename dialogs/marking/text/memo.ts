/**
 * Memoisation for the marker's pure text functions: every checker reads the same sentences
 * (their normal form, clauses, item mentions, identifiers), so each is computed once per
 * string. Bounded: a full table is emptied and refilled.
 */

/** `fn` remembered per string argument (do not mutate what it returns). */
export function memoByText<T>(fn: (s: string) => T, max = 5000): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined && !seen.has(s)) {
      v = fn(s);
      if (seen.size >= max) seen.clear();
      seen.set(s, v);
    }
    return v as T;
  };
}

/** `fn(key, s)` remembered per object key (held weakly) and string (do not mutate what it returns). */
export function memoByObjectAndText<K extends object, T>(fn: (key: K, s: string) => T, max = 5000): (key: K, s: string) => T {
  const byKey = new WeakMap<K, (s: string) => T>();
  return (key, s) => {
    let f = byKey.get(key);
    if (!f) {
      f = memoByText((x: string) => fn(key, x), max);
      byKey.set(key, f);
    }
    return f(s);
  };
}
