/** What a page says while the library is upgraded for a new version before its first read (see openAndRead). */
export const UPGRADING = 'Updating your library for this version of MigraLens. This happens once, and takes a minute or so for thousands of clippings…';
