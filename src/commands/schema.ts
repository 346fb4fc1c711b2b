// `plan schema`: the JSON Schema generated from the zod schemas, so editors
// (yaml-language-server) complete and explain keys in Vietnamese.
import { zod } from '../vendor/libraries.js';
import type { GlobalOptions } from './context.js';
import { zodSchemas } from '../core/schema.js';

export function jsonSchemaOf(which: 'plan' | 'units'): object {
  const { plan, unitsFile } = zodSchemas();
  return zod().toJSONSchema(which === 'plan' ? plan : unitsFile, { io: 'input', target: 'draft-7' });
}

export function run(_args: unknown[], opts: { units?: boolean }, g: GlobalOptions): number {
  g.io.stdout.write(`${JSON.stringify(jsonSchemaOf(opts.units ? 'units' : 'plan'), null, 2)}\n`);
  return 0;
}
