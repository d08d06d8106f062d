// Request bodies are validated as sent; only the URL's parts are coerced. Fastify's Ajv
// coerces types everywhere by default, which is right for a query string or a path (text by
// nature: ?page=2 is a number) but turns a JSON body's `null` into "" or `"true"` into true,
// so a body the document says is invalid was taken (found by `npm run fuzz`: /codec/decode
// accepted `"data": null`). Bodies get an Ajv of their own, the same options but no coercion.
import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';
import type { Options as AjvOptions } from 'ajv';

/** Fastify's `schemaController.compilersFactory.buildValidator`: strict for bodies, coercing elsewhere. */
export const bodiesAsSent: ValidatorFactory = (() => {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    const coercing = pool(externalSchemas, options);
    // The app builds JSON Schema validators (Ajv's default mode), never JTD ones.
    const ajv = (options ?? {}) as { customOptions?: AjvOptions; mode?: never };
    const asSent = pool(externalSchemas, { ...ajv, customOptions: { ...ajv.customOptions, coerceTypes: false } });
    return (route) => (route.httpPart === 'body' ? asSent : coercing)(route);
  };
})();
