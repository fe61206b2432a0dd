import { BACKUP_FORMAT, BACKUP_VERSION } from '../export/backup-format';

/**
 * JSON Schema (draft-07) of the JSON backup, version 1. The extension cannot compile a schema at
 * run time (its pages' CSP forbids eval), so scripts/build-backup-validator.ts compiles this one
 * ahead of time into backup-validator.generated.js; a unit test fails when the two drift apart.
 *
 * Clippings and mentions may carry fields this version does not name: a library written by a
 * later schema keeps them through a backup and a restore. Checks that need the data as a whole
 * (offsets inside the text, duplicate URLs, dates that parse) are in check-backup.ts.
 */

const TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const nullableString = (maxLength: number) => ({ type: ['string', 'null'], maxLength });
const count = { type: 'integer', minimum: 0 };

const mention = {
  type: 'object',
  required: ['kind', 'start', 'end', 'text', 'canonical'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    kind: { enum: ['institution', 'role', 'person', 'figure', 'date'] },
    start: { type: 'integer', minimum: 0 },
    end: { type: 'integer', minimum: 0 },
    text: { type: 'string', maxLength: 10_000 },
    canonical: { type: 'string', maxLength: 10_000 },
    entityId: { type: 'string', maxLength: 200 },
    wikidata: { type: 'string', pattern: '^Q\\d+$' },
    category: { type: 'string', maxLength: 40 },
    value: { type: 'number' },
    valueMax: { type: 'number' },
    unit: { type: 'string', maxLength: 40 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    qualifier: { type: 'string', maxLength: 40 },
    iso: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
    institutionKind: { type: 'string', maxLength: 80 },
    country: { type: 'string', maxLength: 10 },
    institutionId: { type: 'string', maxLength: 200 },
    anchor: {
      type: 'object',
      required: ['quote', 'prefix', 'suffix', 'position'],
      properties: {
        quote: { type: 'string', maxLength: 10_000 },
        prefix: { type: 'string', maxLength: 1_000 },
        suffix: { type: 'string', maxLength: 1_000 },
        position: { type: 'integer', minimum: 0 },
      },
    },
  },
} as const;

const clipping = {
  type: 'object',
  required: ['id', 'urlKey', 'url', 'title', 'savedAt', 'updatedAt', 'text', 'html', 'note', 'tags', 'collections', 'mentions'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    urlKey: { type: 'string', minLength: 1, maxLength: 8_000 },
    source: { enum: ['page', 'selection'] },
    pageKey: { type: 'string', minLength: 1, maxLength: 8_000 },
    url: { type: 'string', minLength: 1, maxLength: 8_000 },
    canonicalUrl: nullableString(8_000),
    title: { type: 'string', maxLength: 2_000 },
    byline: nullableString(2_000),
    siteName: nullableString(2_000),
    lang: nullableString(35),
    published: nullableString(100),
    savedAt: { type: 'string', pattern: TIMESTAMP },
    updatedAt: { type: 'string', pattern: TIMESTAMP },
    excerpt: nullableString(20_000),
    text: { type: 'string', maxLength: 20_000_000 },
    html: { type: 'string', maxLength: 50_000_000 },
    note: { type: 'string', maxLength: 1_000_000 },
    tags: { type: 'array', maxItems: 1_000, items: { type: 'string', minLength: 1, maxLength: 200 } },
    collections: { type: 'array', maxItems: 1_000, items: { type: 'integer', minimum: 1 } },
    summary: {
      type: 'object',
      required: ['counts', 'institutions', 'figures'],
      properties: {
        counts: {
          type: 'object',
          required: ['institution', 'role', 'person', 'figure', 'date'],
          properties: { institution: count, role: count, person: count, figure: count, date: count },
        },
        institutions: { type: 'array', items: { type: 'string' } },
        figures: { type: 'array', items: { type: 'string' } },
      },
    },
    mentions: { type: 'array', maxItems: 200_000, items: mention },
  },
} as const;

export const backupSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://migralens.invalid/schema/library-backup-1.json',
  type: 'object',
  required: ['format', 'version', 'exportedAt', 'collections', 'clippings'],
  properties: {
    format: { const: BACKUP_FORMAT },
    version: { const: BACKUP_VERSION },
    exportedAt: { type: 'string', pattern: TIMESTAMP },
    generator: { type: 'string', maxLength: 200 },
    collections: {
      type: 'array',
      maxItems: 10_000,
      items: {
        type: 'object',
        required: ['id', 'name', 'createdAt'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          name: { type: 'string', minLength: 1, maxLength: 500 },
          createdAt: { type: 'string', pattern: TIMESTAMP },
        },
      },
    },
    clippings: { type: 'array', maxItems: 1_000_000, items: clipping },
  },
} as const;
