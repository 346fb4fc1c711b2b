// The parts of zod the tool uses, bundled on their own (dist/vendor/zod.cjs) and loaded
// through src/vendor/libraries.ts only for a file the structural pass (core/shape.ts) does
// not accept, and for `plan schema`.
export { array, boolean, enum, lazy, number, record, strictObject, string, toJSONSchema, union } from 'zod';
