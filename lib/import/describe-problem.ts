import type { SchemaError } from './backup-validator.generated';

/** What a field is called in a message to the user. */
const FIELD_NAMES: Record<string, string> = {
  published: 'published date', savedAt: 'saved date', updatedAt: 'updated date', exportedAt: 'export date',
  createdAt: 'creation date', urlKey: 'URL key', url: 'URL', canonicalUrl: 'canonical URL', byline: 'author',
  siteName: 'site name', lang: 'language', iso: 'ISO date', entityId: 'entity id', valueMax: 'value max',
};
const DATE_FIELDS = new Set(['savedAt', 'updatedAt', 'exportedAt', 'createdAt', 'published', 'iso']);

const fieldName = (key: string) => FIELD_NAMES[key] ?? key;

/** "clipping 312, mention 4" for `/clippings/311/mentions/3`; the numbers count from 1, as a reader does. */
export function describePath(segments: readonly string[]): { where: string; field: string | null } {
  const places: string[] = [];
  let field: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const next = segments[i + 1];
    if ((s === 'clippings' || s === 'mentions' || s === 'collections' || s === 'tags') && next !== undefined && /^\d+$/.test(next)) {
      places.push(`${s === 'clippings' ? 'clipping' : s === 'mentions' ? 'mention' : s === 'tags' ? 'tag' : 'collection'} ${Number(next) + 1}`);
      i++;
    } else if (/^\d+$/.test(s)) places.push(`item ${Number(s) + 1}`);
    else field = field ? `${field}.${s}` : s;
  }
  return { where: places.join(', '), field };
}

const TYPE_NAMES: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'an object', null: 'empty' };

/** One schema error as a sentence: "clipping 312: saved date is not a date". */
export function describeSchemaError(error: SchemaError): string {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const { where, field } = describePath(segments);
  const last = segments[segments.length - 1] ?? '';
  const subject = field ? fieldName(field.split('.').pop()!) : where ? 'entry' : 'file';
  const p = error.params;
  let what: string;
  switch (error.keyword) {
    case 'required': what = `${fieldName(String(p.missingProperty))} is missing`; break;
    case 'type': {
      const types = String(p.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      what = `${subject} is not ${types}`;
      break;
    }
    case 'pattern': what = DATE_FIELDS.has(last) ? `${subject} is not a date` : `${subject} is not in the expected form`; break;
    case 'enum': what = `${subject} is not one of ${(p.allowedValues as unknown[]).join(', ')}`; break;
    case 'const': what = `${subject} should be ${JSON.stringify(p.allowedValue)}`; break;
    case 'maxLength': what = `${subject} is too long (over ${p.limit} characters)`; break;
    case 'minLength': what = `${subject} is empty`; break;
    case 'maxItems': what = `${subject} has too many entries (over ${p.limit})`; break;
    case 'minimum': what = `${subject} is below ${p.limit}`; break;
    default: what = `${subject} ${error.message ?? 'is not valid'}`;
  }
  return where ? `${where}: ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
}
