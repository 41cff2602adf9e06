// The engine as the benchmarks see it: bundled by bench/run.mjs with the same esbuild settings as
// the server, so that the scan is measured in the code shape that ships.
export { Glossary } from '../server/src/engine/glossary';
export { compactEntry, COMPILED_FORMAT } from '../server/src/engine/entry';
export { TermIndex } from '../server/src/engine/matcher';
export { DocumentIndex } from '../server/src/engine/documentIndex';
export { normalizeWithOffsets } from '../server/src/engine/normalize';
export { completion } from '../server/src/features/completion';
export { TextDocument } from 'vscode-languageserver-textdocument';
export { PieceDocument } from '../server/src/textDocument';
export { hover } from '../server/src/features/hover';
export { glossaryFromFile } from '../server/src/node/glossaryFile';
export { loadTermbase } from '../server/src/engine/termbaseLoad';
export { plainEntry } from '../server/src/engine/termbase';
export { mergeLayers } from '../server/src/engine/userLayer';
export { SaxesParser } from 'saxes';
export { default as Papa } from 'papaparse';
export { convertText } from '../server/src/engine/convertText';
export { DocumentChecker } from '../server/src/engine/termQA';
export { skippedRanges, disabledRanges, resolveVariant } from '../server/src/engine/directives';
export { countScripts, decideScript } from '../server/src/engine/script';
export { messageOf, toDiagnostics } from '../server/src/features/diagnostics';
import { wordsFor } from '../server/src/features/words';
export const englishQA = wordsFor('en').qa;
export { TermQA } from '../server/src/qa';
export { OpenDocuments } from '../server/src/documents';
export { defaultSettings } from '../server/src/protocol';
export { emptyProjectConfig } from '../server/src/projectConfig';
export { DocumentDiagnostics } from '../server/src/features/diagnostics';
