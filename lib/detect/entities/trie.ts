import { firstKeysOf, firstTokenOf, keysOf, tokenize, type KeyOf, type Token } from './tokenize';

/**
 * Token tries: the compiled form of every name list the entity detectors match (gazetteer names,
 * role forms, head nouns, nationality adjectives). The text is tokenized once, and each trie is
 * walked from a token; a match costs a few map lookups, whatever the size of the list.
 */

export type TrieNode<T> = {
  next: ReadonlyMap<string, TrieNode<T>>;
  values: readonly T[];
  /** First-level nodes of a lazy trie: names filed under this key, not yet tokenized. */
  pending?: PendingName<T>[];
};

export type TrieMatch<T> = {
  /** Index of the first token. */
  from: number;
  /** Index one past the last token. */
  to: number;
  values: readonly T[];
};

// Most nodes are leaves or hold no name: they share one empty map and one empty list until
// something is added, which keeps thousands of nodes per language from each owning a Map.
const NO_NEXT: ReadonlyMap<string, never> = new Map<string, never>();
const NONE: readonly never[] = [];
const node = <T>(): TrieNode<T> => ({ next: NO_NEXT, values: NONE });

/** The node under `key`, added to `n` if missing. */
function childOf<T>(n: TrieNode<T>, key: string): TrieNode<T> {
  let child = n.next.get(key);
  if (!child) {
    child = node();
    const next = n.next === NO_NEXT ? new Map<string, TrieNode<T>>() : (n.next as Map<string, TrieNode<T>>);
    next.set(key, child);
    n.next = next;
  }
  return child;
}

/** What the matchers need from a trie. */
export interface TokenMatcher<T> {
  matchAt(tokens: readonly Token[], from: number, keyOf: KeyOf, maxTokens?: number): readonly TrieMatch<T>[];
}

/** A name waiting to be put into a lazy trie, with the raw value its builder turns into a `T`. */
export type PendingName<T> = {
  name: string;
  value: T;
  /** Maps each token key (for instance to a German stem). */
  key?: (k: string) => string;
  /** Key tokens as written (acronyms), not lower-cased. */
  byText?: boolean;
};

/** Turns a pending name into trie keys and a value, or null to drop it. */
export type Builder<T> = (p: PendingName<T>) => { keys: string[]; value: T } | null;

/**
 * Where a lazy trie finds its names: `keys` holds every first key some name may start with (a
 * text word not in it costs one lookup and is not remembered), and `names` gives the names under
 * one of them, asked the first time a text token looks the key up.
 */
export type NameSource<T> = {
  keys: { has(key: string): boolean };
  names: (key: string) => readonly PendingName<T>[];
};

const plainBuilder = <T>(p: PendingName<T>) => ({
  keys: p.byText ? tokenize(p.name).map((t) => (t.kind === 'punct' ? t.norm : t.text)) : p.key ? keysOf(p.name).map(p.key) : keysOf(p.name),
  value: p.value,
});

/**
 * A token trie filled on demand. Adding a name only files it under the key of its first token;
 * the names filed under a key are tokenized into the trie the first time a text token looks that
 * key up. A table of thousands of names is then ready at once, and a text pays only for the
 * first words it actually contains.
 */
export class LazyTokenTrie<T> implements TokenMatcher<T> {
  private readonly trie = new TokenTrie<T>();
  /** First keys already asked of `source`. */
  private readonly sourced = new Set<string>();

  /**
   * With a `source`, names need not be filed up front at all: several tries (one per language)
   * can then share one index of the names instead of each holding its own copy of the list.
   */
  constructor(
    private readonly build: Builder<T> = plainBuilder,
    private readonly source?: NameSource<T>,
  ) {}

  /**
   * Files many names at once: their first keys come from one native regex pass over the joined
   * list, so building a table of thousands of names costs little even before the code is hot.
   * Names must be trimmed and on one line.
   */
  addNames(names: readonly string[], values: readonly T[], options: { key?: (k: string) => string; byText?: boolean } = {}): void {
    if (names.length === 0) return;
    const firsts = firstKeysOf(names, options.byText === true);
    if (!firsts) {
      for (let i = 0; i < names.length; i++) this.addName(names[i], values[i], options);
      return;
    }
    for (let i = 0; i < names.length; i++) {
      const firstKey = options.key ? options.key(firsts[i]) : firsts[i];
      const node = this.trie.child(firstKey);
      (node.pending ??= []).push({ name: names[i], value: values[i], key: options.key, byText: options.byText });
    }
  }

  /** Files a name under the key of its first token; false when the name has no token. */
  addName(name: string, value: T, options: { key?: (k: string) => string; byText?: boolean } = {}): boolean {
    const first = firstTokenOf(name);
    if (!first) return false;
    const firstKey = options.byText ? first.text : options.key ? options.key(first.norm) : first.norm;
    // The pending names sit on the first-level node itself, so a lookup costs one map access.
    const node = this.trie.child(firstKey);
    (node.pending ??= []).push({ name, value, key: options.key, byText: options.byText });
    return true;
  }

  private flush(node: TrieNode<T>): void {
    const list = node.pending;
    if (!list) return;
    node.pending = undefined;
    for (const p of list) {
      const built = this.build(p);
      if (built && built.keys.length) this.trie.add(built.keys, built.value);
    }
  }

  /**
   * The first-level node under `key`, with its pending names flushed. With a source, the names
   * under `key` are filed the first time it is asked for (a node may already exist then, holding
   * a name whose first key was filed differently).
   */
  private rootNode(key: string): TrieNode<T> | undefined {
    let node = this.trie.rootNode().next.get(key);
    const source = this.source;
    if (source && (node || source.keys.has(key)) && !this.sourced.has(key)) {
      this.sourced.add(key);
      const names = source.names(key);
      if (names.length) {
        node = this.trie.child(key);
        (node.pending ??= []).push(...names);
      }
    }
    if (node?.pending) this.flush(node);
    return node;
  }

  /** The trie node under a first key, for callers that walk the trie themselves. */
  first(key: string): TrieNode<T> | undefined {
    return this.rootNode(key);
  }

  matchAt(tokens: readonly Token[], from: number, keyOf: KeyOf, maxTokens = 24): readonly TrieMatch<T>[] {
    if (!this.rootNode(keyOf(tokens[from]))) return NONE;
    return this.trie.matchAt(tokens, from, keyOf, maxTokens);
  }
}

/**
 * A trie keyed by token keys. Names are added as key sequences; matching walks the tokens from
 * one position and reports every name that ends there, longest first, so a caller that rejects
 * the longest reading (wrong capitalisation, say) can fall back to a shorter one.
 */
export class TokenTrie<T> implements TokenMatcher<T> {
  private readonly root: TrieNode<T> = node();

  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    let n = this.root;
    for (const k of keys) n = childOf(n, k);
    if (n.values === NONE) n.values = [value];
    else (n.values as T[]).push(value);
  }

  rootNode(): TrieNode<T> {
    return this.root;
  }

  /** The first-level node under `key`, created if missing. */
  child(key: string): TrieNode<T> {
    return childOf(this.root, key);
  }

  /**
   * Names starting at token `from`, longest first. `keyOf` gives the key a token is looked up by
   * (its normalised form, its text for acronyms, its stem in German).
   */
  matchAt(tokens: readonly Token[], from: number, keyOf: KeyOf, maxTokens = 24): readonly TrieMatch<T>[] {
    let n = this.root.next.get(keyOf(tokens[from]));
    if (!n) return NONE;
    const out: TrieMatch<T>[] = [];
    for (let i = from; ; ) {
      if (n.values.length) out.push({ from, to: i + 1, values: n.values });
      i += 1;
      // A name never runs across a line break (headline into paragraph, caption into text).
      if (i >= tokens.length || i - from >= maxTokens || tokens[i].newline) break;
      n = n.next.get(keyOf(tokens[i]));
      if (!n) break;
    }
    return out.length > 1 ? out.reverse() : out;
  }
}
