// LibreOffice (headless) as the tests' real reader and writer of Office files: the
// converter plan import uses for .doc files (src/io/libreoffice.ts), with its private
// profile and one start for every file of a call.
export { convertWithLibreOffice } from '../src/io/libreoffice.js';
