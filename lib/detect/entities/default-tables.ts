import institutions from '../data/institutions.json';
import names from '../data/names.json';
import people from '../data/people.json';
import roles from '../data/roles.json';
import type { InstitutionsTable, NamesTable, PeopleTable, RolesTable, Tables } from './tables';

/** The gazetteer tables shipped with MigraLens (`lib/detect/data/`). */
export const DEFAULT_TABLES: Tables = {
  institutions: institutions as unknown as InstitutionsTable,
  people: people as unknown as PeopleTable,
  roles: roles as unknown as RolesTable,
  names: names as unknown as NamesTable,
};
