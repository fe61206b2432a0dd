/**
 * Reading a page's article away from the page's own thread. The page hands over its HTML as the
 * browser serialises it (one native call); the extension's background parses that, runs the same
 * extraction as in the page (Readability included) and sends back the article with each text run
 * tied to a text node by its place among the document's text nodes; the page then pairs those
 * places with its own nodes in one walk. What the page's thread pays is the serialisation, that
 * walk and painting, instead of a copy of the page and Readability.
 */
import { extractBounded, type BoundedArticle } from '../bounded-extract';
import type { ExtractedArticle, ExtractOptions } from './extract-article';
import type { TextSegment } from './article-text';
import type { Analysis } from '../detect';

/** A text run of the article, tied to its text node by index into `WireArticle.nodes`. */
export type WireSegment = Omit<TextSegment, 'node'> & { node: number };

/** A text node of the page the article reads from: its place among the body's text nodes, and its text then. */
export type WireNode = { at: number; data: string };

/** The article as it crosses from the background to the page: plain data, no DOM node. */
export type WireArticle = Omit<ExtractedArticle, 'segments' | 'html'> & {
  html: string;
  segments: WireSegment[];
  nodes: WireNode[];
};

export type WireRead = { article: WireArticle | null; cut: boolean };

/** What reading needs of the head: title, metadata, the canonical address, JSON-LD. Not its scripts and styles. */
const HEAD_KEPT = 'title, meta, link[rel="canonical"], base, script[type="application/ld+json"]';

/**
 * The page as the browser serialises it, for reading elsewhere: the root element with its
 * attributes (the language), the parts of the head that reading uses, and the whole body. Heads
 * carry most of a news page's inline scripts and styles, which reading never uses.
 */
export function serializePage(doc: Document): string {
  const root = doc.documentElement;
  const body = doc.body;
  if (!root || !body) return root?.outerHTML ?? '';
  const head = doc.head ? Array.from(doc.head.querySelectorAll(HEAD_KEPT), (el) => el.outerHTML).join('') : '';
  const shell = (root.cloneNode(false) as Element).outerHTML;
  const close = shell.lastIndexOf('</');
  return `${shell.slice(0, close)}<head>${head}</head>${body.outerHTML}${shell.slice(close)}`;
}

/** Text nodes only: what both sides count, in document order, from the start of the body (the head is not sent whole). */
const SHOW_TEXT = 4;

/**
 * The article of a page serialised by `serializePage`, read from `doc` (the background's parse of
 * that HTML). Adjacent text nodes of `doc` are merged first: a browser's parser makes one text node
 * of a run of text, while some parsers (linkedom's among them) make one per piece between
 * character references ("Google &lt;noun&gt;" gives three), and the two sides must count alike.
 */
export function readParsedPage(doc: Document, url: string, options: ExtractOptions = {}): WireRead {
  doc.documentElement?.normalize();
  const { article, cut }: BoundedArticle = extractBounded(doc, url, options);
  if (!article) return { article: null, cut };
  const all: Text[] = [];
  const ordinal = new Map<Node, number>();
  const walker = doc.createTreeWalker(doc.body ?? doc, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    ordinal.set(n, all.length);
    all.push(n as Text);
  }
  const nodes: WireNode[] = [];
  const wireIndex = new Map<number, number>();
  const wire = (at: number) => {
    let i = wireIndex.get(at);
    if (i === undefined) {
      wireIndex.set(at, i = nodes.length);
      nodes.push({ at, data: all[at].data });
    }
    return i;
  };
  const found = new Map<Node, Place | null>();
  const cursor: Place = { at: 0, shift: 0 };
  const segments: WireSegment[] = [];
  for (const { node, ...rest } of article.segments) {
    const at = ordinal.get(node);
    let place = at === undefined ? found.get(node) : { at, shift: 0 };
    if (place === undefined) found.set(node, place = findText(all, node.data, cursor));
    if (!place) { segments.push({ ...rest, node: -1 }); continue; }
    const { shift } = place;
    segments.push({
      ...rest,
      node: wire(place.at),
      rawStart: rest.rawStart + shift,
      rawOffsets: rest.rawOffsets && shift ? rest.rawOffsets.map((o) => o + shift) : rest.rawOffsets,
    });
  }
  // The spread reads the article's HTML (a getter) into a plain string, as a message needs.
  const { segments: _s, ...meta } = article;
  return { article: { ...meta, segments, nodes }, cut };
}

/** A place in the document's text: the `at`-th text node, `shift` characters in. */
type Place = { at: number; shift: number };

/** How many text nodes past the last one found a copied node's text is looked for. */
const FIND_AHEAD = 5000;

/**
 * Where the text of a node that is not the document's own lies in it. Readability, when its first
 * reading is too short, reads again from the HTML it kept, so that the article's nodes are new
 * ones, made by a parser that may cut a run at each character reference. They come in the
 * document's order: each is looked for after the one before (`cursor`, which this moves on).
 */
function findText(all: readonly Text[], data: string, cursor: Place): Place | null {
  if (!data) return null;
  for (let at = cursor.at; at < all.length && at < cursor.at + FIND_AHEAD; at++) {
    const shift = all[at].data.indexOf(data, at === cursor.at ? cursor.shift : 0);
    if (shift < 0) continue;
    cursor.at = at;
    cursor.shift = shift + data.length;
    return { at, shift };
  }
  return null;
}

/** How far from its expected place a node is looked for when the two documents count differently. */
const SEARCH_WINDOW = 64;

export type AttachedRead = { article: ExtractedArticle | null; cut: boolean; unpaired: number };

/**
 * The article read elsewhere, tied to `doc`'s own text nodes. The two documents count the same
 * text nodes except where serialising and parsing again differ (a `<noscript>` read as markup, a
 * `<template>`'s content, adjacent text nodes a script made, which serialise as one): the walk
 * keeps the running difference and looks near the expected place for a node with the same text.
 * A node found nowhere leaves its runs without a node; `unpaired` counts them.
 */
export function attachToPage(doc: Document, read: WireRead): AttachedRead {
  const wire = read.article;
  if (!wire) return { article: null, cut: read.cut, unpaired: 0 };
  const live: Text[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) live.push(n as Text);
  const paired: (Text | null)[] = new Array(wire.nodes.length).fill(null);
  // In document order: the headline, read first, may stand after the start of the body.
  const order = wire.nodes.map((_, i) => i).sort((a, b) => wire.nodes[a].at - wire.nodes[b].at);
  let drift = 0;
  let floor = 0;
  for (const i of order) {
    const node: WireNode = wire.nodes[i];
    const at: number = node.at, data: string = node.data;
    const expected = at + drift;
    let found = -1;
    if (expected >= floor && live[expected]?.data === data) found = expected;
    else {
      for (let d = 1; d <= SEARCH_WINDOW && found < 0; d++) {
        if (expected + d >= floor && live[expected + d]?.data === data) found = expected + d;
        else if (expected - d >= floor && live[expected - d]?.data === data) found = expected - d;
      }
    }
    if (found < 0) continue;
    paired[i] = live[found];
    drift = found - at;
    floor = found + 1;
  }
  const segments: TextSegment[] = [];
  let unpaired = 0;
  for (const { node, ...rest } of wire.segments) {
    const text = node >= 0 ? paired[node] : null;
    if (text) segments.push({ ...rest, node: text }); else unpaired++;
  }
  const { nodes: _n, segments: _s, ...meta } = wire;
  return { article: { ...meta, segments }, cut: read.cut, unpaired };
}

/** The background's answer to a serialised page: what was read, and the mentions found in it. */
export type ReadAnswer = { read: WireRead; analysis: Analysis | null };

/** Sends the serialised page away to be read (a message to the background); null when that failed. */
export type PageReader = (html: string, url: string, options: ExtractOptions) => Promise<ReadAnswer | null>;

/** Above this share of the article's text runs left unplaced, the page is read in place instead. */
const MAX_UNPAIRED_SHARE = 0.2;

/**
 * The page's article read through `reader`, tied to the page's nodes, with the mentions found in
 * it. Null when the reader failed or when too much of the article could not be placed in the page
 * (it changed while being read, or serialises very unlike itself): the caller then reads in place.
 */
export async function readThrough(doc: Document, url: string, options: ExtractOptions, reader: PageReader): Promise<(AttachedRead & { analysis: Analysis | null }) | null> {
  const answer = await reader(serializePage(doc), url, options);
  if (!answer) return null;
  const attached = attachToPage(doc, answer.read);
  const runs = (attached.article?.segments.length ?? 0) + attached.unpaired;
  if (attached.unpaired > MAX_UNPAIRED_SHARE * runs) return null;
  return { ...attached, analysis: answer.analysis };
}
