import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AnnotationPanel, type AnnotationPanelProps } from '../../components/AnnotationPanel';
import { PageMentionCard } from '../../components/PageMentionCard';
import { describeFigure, groupEntities, type PanelMention } from '../../components/panel-model';
import type { MentionKind } from '../../lib/detect/types';

const M = (id: number, kind: MentionKind, text: string, extra: Partial<PanelMention> = {}): PanelMention =>
  ({ id, kind, text, canonical: text, attached: true, ...extra });

const mentions: PanelMention[] = [
  M(1, 'institution', 'Frontex', { entityId: 'eu.frontex', wikidata: 'Q1325016', institutionKind: 'eu-agency', country: 'EU' }),
  M(2, 'institution', "l'agence Frontex", { entityId: 'eu.frontex', canonical: 'Frontex' }),
  M(3, 'figure', 'au moins 27 personnes', { value: 27, unit: 'people', category: 'deaths', qualifier: 'at least' }),
  M(4, 'date', '28 novembre', { iso: '2021-11-28' }),
  M(5, 'person', 'Gérald Darmanin', { attached: false }),
];

function props(over: Partial<AnnotationPanelProps> = {}): AnnotationPanelProps {
  return {
    status: 'annotated', mentions, hidden: new Set(), open: true, wholePage: false, saved: false, saving: false,
    saveMessage: null, notices: [], onToggleOpen: vi.fn(), onToggleKind: vi.fn(), onShowEntity: vi.fn(),
    onShowMention: vi.fn(), onHideCard: vi.fn(), onSave: vi.fn(), onAnnotateAnyway: vi.fn(), ...over,
  };
}

let host: HTMLElement;
function mount(node: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}
afterEach(() => { if (host) { render(null, host); host.remove(); } });

const buttons = (el: Element) => [...el.querySelectorAll('button')];
const byText = (el: Element, text: string) => buttons(el).find((b) => b.textContent?.includes(text))!;

describe('panel model', () => {
  test('groups occurrences of one entity and leaves out detached mentions', () => {
    const groups = groupEntities(mentions);
    expect(groups[0]).toMatchObject({ label: 'Frontex', kind: 'institution', mentionIds: [1, 2] });
    expect(groups.map((g) => g.label)).not.toContain('Gérald Darmanin');
  });

  test('reads a figure back', () => {
    expect(describeFigure(mentions[2])).toBe('at least 27 people');
  });
});

describe('AnnotationPanel', () => {
  test('shows counts per kind, entities with their occurrences, and the detached mentions', () => {
    const el = mount(<AnnotationPanel {...props()} />);
    expect(el.querySelector('[aria-label="Mentions found"]')?.textContent).toContain('5 mentions');
    expect(el.querySelector('.count[data-kind="institution"]')?.textContent).toBe('2');
    expect(el.querySelector('.count[data-kind="person"]')?.textContent).toBe('0');
    const frontex = byText(el, 'Frontex');
    expect(frontex.textContent).toMatch(/Frontex\s*2/);
    expect(el.querySelector('[aria-label="Mentions not found in the page"]')?.textContent).toContain('Gérald Darmanin');
    expect(byText(el, 'Save clipping')).toBeTruthy();
  });

  test('focus shows, click moves to the next occurrence, checkboxes toggle kinds, save calls back', () => {
    const p = props();
    const el = mount(<AnnotationPanel {...p} />);
    const frontex = byText(el, 'Frontex');
    frontex.dispatchEvent(new FocusEvent('focus'));
    expect(p.onShowEntity).toHaveBeenLastCalledWith([1, 2], false);
    frontex.click();
    expect(p.onShowEntity).toHaveBeenLastCalledWith([1, 2], true);
    const checkbox = el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[3];
    checkbox.click();
    expect(p.onToggleKind).toHaveBeenCalledWith('figure');
    byText(el, 'Save clipping').click();
    expect(p.onSave).toHaveBeenCalled();
  });

  test('hidden kinds are unchecked and their entities not listed', () => {
    const el = mount(<AnnotationPanel {...props({ hidden: new Set(['institution']) })} />);
    expect(el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[0].checked).toBe(false);
    expect(el.querySelector('[aria-label="Institutions"]')).toBeNull();
  });

  test('says when no article was found and offers the whole page', () => {
    const p = props({ status: 'no-article', mentions: [] });
    const el = mount(<AnnotationPanel {...p} />);
    expect(el.textContent).toContain('No article found on this page.');
    expect(buttons(el).some((b) => b.textContent === 'Save clipping')).toBe(false);
    byText(el, 'Annotate the whole page anyway').click();
    expect(p.onAnnotateAnyway).toHaveBeenCalled();
  });

  test('collapsed, it is one button with the total; notices and failures are shown when open', () => {
    let el = mount(<AnnotationPanel {...props({ open: false })} />);
    expect(buttons(el)).toHaveLength(1);
    expect(buttons(el)[0].textContent).toBe('MigraLens · 5');
    render(null, host); host.remove();
    el = mount(<AnnotationPanel {...props({ status: 'failed', failure: 'boom', notices: ['This page removed the MigraLens panel once; it was put back.'] })} />);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('boom');
    expect(el.textContent).toContain('removed the MigraLens panel');
  });
});

describe('PageMentionCard', () => {
  test('shows kind, canonical name, body kind and country, and the Wikidata link', () => {
    const el = mount(<PageMentionCard mention={mentions[1] && { ...mentions[0], text: "l'agence Frontex" }} at={{ left: 10, top: 10, bottom: 30 }} viewport={{ width: 1000, height: 800 }} />);
    expect(el.textContent).toContain('Institution');
    expect(el.querySelector('.card-name')?.textContent).toBe('Frontex');
    expect(el.textContent).toContain('eu-agency');
    expect(el.textContent).toContain('EU');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q1325016');
  });

  test('figures show value, unit, category; dates their ISO form', () => {
    let el = mount(<PageMentionCard mention={mentions[2]} at={{ left: 10, top: 10, bottom: 30 }} viewport={{ width: 1000, height: 800 }} />);
    expect(el.textContent).toContain('at least 27 people');
    expect(el.textContent).toContain('deaths');
    render(null, host); host.remove();
    el = mount(<PageMentionCard mention={mentions[3]} at={{ left: 10, top: 10, bottom: 30 }} viewport={{ width: 1000, height: 800 }} />);
    expect(el.textContent).toContain('2021-11-28');
  });
});
