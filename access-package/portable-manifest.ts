// The machine-readable part of a portability package: manifest.json names every data file
// (store, category, records, its schema) and schema.json is a JSON Schema (2020-12) of each
// file, from the columns that were exported. Names and counts only, never values, so both are
// made from the build's contents list.
import type { BuiltPackage } from './build';

const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');
const defName = (store: string, category: string) => `${safe(store)}__${safe(category)}`;

export interface ManifestInput {
  requestId: string;
  createdAt: Date;
  /** The provision the package is delivered under, from the regime's policy data. */
  basis: string;
}

/** manifest.json and schema.json for the package's contents. */
export function portableEntries(input: ManifestInput, contents: BuiltPackage['contents']): Array<{ name: string; content: string }> {
  const files = contents
    .filter((c) => c.records > 0)
    .map((c) => ({ store: c.store, category: c.category, records: c.records, path: `${safe(c.store)}/${safe(c.category)}.json`, schema: `schema.json#/$defs/${defName(c.store, c.category)}` }));
  const manifest = {
    format: 'dsr-engine/portability',
    version: 1,
    requestId: input.requestId,
    createdAt: input.createdAt.toISOString(),
    basis: input.basis,
    description: 'The personal information you provided to us, one JSON file per system and category; schema.json describes each file.',
    files,
  };
  const $defs = Object.fromEntries(
    contents
      .filter((c) => c.records > 0)
      .map((c) => [
        defName(c.store, c.category),
        {
          type: 'array',
          items: { type: 'object', properties: Object.fromEntries(c.columns.map((column) => [column, { type: ['string', 'number', 'null'] }])), additionalProperties: false },
        },
      ]),
  );
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'schema.json', title: 'Portability package data files', $defs };
  return [
    { name: 'manifest.json', content: `${JSON.stringify(manifest, null, 2)}\n` },
    { name: 'schema.json', content: `${JSON.stringify(schema, null, 2)}\n` },
  ];
}
