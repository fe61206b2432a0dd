import { describe, expect, test } from 'vitest';
import { detect } from '../../lib/detect';

// detect() joins the detectors' results (merge-mentions.ts): what a reader sees where two kinds
// claim the same words.

const kinds = (text: string, lang: 'fr' | 'en') =>
  detect(text, { lang, published: '2024-01-01' }).filter((m) => m.kind === 'role' || m.kind === 'person').map((m) => `${m.kind}:${m.text}`);

describe('detect: roles and people together', () => {
  test('a surname that is also a title stays a name ("Bruno Le Maire"), and the title stays a title elsewhere', () => {
    expect(kinds("Le ministre de l'Économie, Bruno Le Maire, a présenté le budget. Le maire de Lille a répondu.", 'fr')).toEqual([
      "role:ministre de l'Économie", 'person:Bruno Le Maire', 'role:maire de Lille',
    ]);
  });
});
