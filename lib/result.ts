/** Failures that cross a message boundary travel as values, since an Error does not serialise. */
export type Failure = { code: FailureCode; message: string };

export type FailureCode =
  | 'no-article'
  | 'no-tab'
  | 'cannot-access-page'
  | 'quota-exceeded'
  | 'storage-failed'
  | 'content-script-failed'
  | 'bad-request';

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: FailureCode, message: string): Result<T> => ({ ok: false, error: { code, message } });
