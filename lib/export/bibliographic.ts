/** Parts of a clipping's metadata that reference managers want in their own shape. */

export type PersonName = { family: string; given?: string } | { literal: string };

const LEAD = /^\s*(par|by|von|door|di|da|por|de)\s+/i;
const SEPARATORS = /\s*(?:,|;|&|\s+(?:and|et|und|en|e|y|avec|with|mit|met|con)\s+)\s*/i;
// Agencies and desks named in bylines: kept whole, never split into given and family names.
const ORGANISATION = /^(afp|reuters|ap|dpa|ansa|efe|anp|pa|belga|ats|apa|bbc|la rédaction|redaktion|redazione|redacción|redactie|staff)\b/i;

/**
 * Authors from a byline: "Par Julia Pascual et Jean Dupont" → two names, family name last; an
 * agency ("AFP") or anything that does not look like a person's name stays a literal.
 */
export function authorsFromByline(byline: string | null): PersonName[] {
  if (!byline?.trim()) return [];
  const parts = byline.replace(LEAD, '').split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  return parts.map((part): PersonName => {
    const words = part.split(/\s+/);
    const personal = !ORGANISATION.test(part) && words.length >= 2 && words.length <= 4
      && words.every((w) => /^(\p{Lu}[\p{L}'\u2019.-]*|de|del|della|van|von|der|den|da|di|du|le|la)$/u.test(w));
    if (!personal) return { literal: part };
    // Particles stay with the family name: "Ursula von der Leyen" → von der Leyen.
    let split = words.length - 1;
    while (split > 1 && /^(de|del|della|van|von|der|den|da|di|du|le|la)$/.test(words[split - 1])) split--;
    return { given: words.slice(0, split).join(' '), family: words.slice(split).join(' ') };
  });
}

/**
 * [year, month?, day?] from an ISO date or timestamp, as written (no time-zone shift), else from
 * any date `Date.parse` reads (pages also give RFC 2822 dates), in UTC; null when not a date.
 */
export function dateParts(value: string | null | undefined): number[] | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (m) return [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
