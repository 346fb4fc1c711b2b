// The parts of `yaml` the tool uses, bundled on their own (dist/vendor/yaml.cjs) and
// loaded through src/vendor/libraries.ts only when a command needs the document model:
// a check whose files all take the fast path never compiles them.
export { Composer, CST, Document, isCollection, isMap, isPair, isScalar, isSeq, Parser, parseDocument, stringify, visit, YAMLParseError } from 'yaml';
