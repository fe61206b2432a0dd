/** One schema violation, as ajv reports it. */
export type SchemaError = {
  /** JSON Pointer to the failing value, e.g. `/clippings/311/published`. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
};

/** The compiled backup schema: true when valid; otherwise `validate.errors` lists the violations. */
export declare const validate: ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
export default validate;
