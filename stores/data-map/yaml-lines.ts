// The data map may also be written in YAML (DATA_MAP_FILE ending in .yaml or .yml). It is read
// with `yaml`'s document model, which keeps each node's place in the text, so a fault is
// reported by line exactly as for JSON (json-lines.ts gives the same interface).
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { JsonLineError, type JsonWithLines } from './json-lines';

const SEP = '\u0000';

/** Parses YAML text, recording the line of each mapping key and sequence item. A key written
 *  twice, or any syntax fault, is thrown as a JsonLineError with its line. */
export function parseYamlWithLines(text: string): JsonWithLines {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new JsonLineError(`invalid YAML: ${error.message.split('\n')[0]}`, line);
  }
  const lines = new Map<string, number>();
  const lineOfNode = (node: { range?: [number, number, number] | null } | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
        const at = [...path, key];
        const line = lineOfNode(item.key as Node);
        if (line !== undefined) lines.set(at.join(SEP), line);
        walk(item.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const line = lineOfNode(item as Node);
        if (line !== undefined) lines.set([...path, String(i)].join(SEP), line);
        walk(item, [...path, String(i)]);
      });
    }
  };
  if (doc.contents) lines.set('', lineOfNode(doc.contents as Node) ?? 1);
  walk(doc.contents, []);
  return {
    value: doc.toJS(),
    duplicates: [],
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const found = lines.get(path.slice(0, n).join(SEP));
        if (found !== undefined) return found;
      }
      return 1;
    },
  };
}
