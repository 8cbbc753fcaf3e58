/** har-schema ships JSON Schemas (draft-06) of HAR 1.2's objects, keyed by name, without types. */
declare module 'har-schema' {
  const schemas: Record<string, object>;
  export = schemas;
}
