/**
 * Wiring of glossary search and navigation (server.ts hands it the connection): workspace symbols,
 * go to definition, bundled entries' read-only views, and inline glosses (inlay hints, refreshed
 * when the settings or the glossary change).
 */
import {
  type Connection,
  ErrorCodes,
  type Hover,
  type InitializeParams,
  type InlayHint,
  type MarkupContent,
  type Position,
  ResponseError,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OpenDocuments } from './documents';
import { skippedRanges } from './engine/directives';
import type { ChineseScript } from './engine/entry';
import type { Glossary } from './engine/glossary';
import type { MatchOptions } from './engine/matcher';
import { type GlossData, inlayHints } from './features/inlayHints';
import { type EntryPlaces, definition, entryIdOf, entryText, workspaceSymbols } from './features/navigation';
import type { Words } from './features/words';
import { EntryDocumentRequest, type Settings } from './protocol';
import { isPosition, rangeArg } from './ranges';
import { textOf } from './textDocument';

export interface NavOptions {
  connection: Connection;
  open: OpenDocuments;
  glossary: () => Glossary;
  /** Resolves when the termbases being read are in the glossary. */
  loaded: () => Promise<void>;
  settings: () => Settings;
  matchOptions: () => MatchOptions;
  words: () => Words;
  /** The Chinese script a document is written in (its variant, else the preferred script). */
  scriptOf: (doc: TextDocument) => ChineseScript;
  /** The card of the term at a position (what the hover shows), without command links. */
  card: (doc: TextDocument, position: Position) => Hover | null;
  /** Where the bundled source documents are (Node: next to the server). */
  sourceFile?: (doc: string) => string | undefined;
}

type Guard = <P, R>(method: string, handler: (params: P) => R | Promise<R>) => (params: P) => unknown;

export class Navigation {
  private places: EntryPlaces = {};
  private linkSupport = false;
  private resolveTooltip = false;
  private refreshSupport = false;

  constructor(private readonly o: NavOptions) {}

  /** Read the client's capabilities; returns the server capabilities navigation adds. */
  initialize(params: InitializeParams, entryDocuments: boolean): Record<string, unknown> {
    const caps = params?.capabilities ?? {};
    this.places = { ...(this.o.sourceFile ? { sourceFile: this.o.sourceFile } : {}), entryDocuments };
    this.linkSupport = caps.textDocument?.definition?.linkSupport === true;
    this.resolveTooltip = !!caps.textDocument?.inlayHint?.resolveSupport?.properties?.includes('tooltip');
    this.refreshSupport = caps.workspace?.inlayHint?.refreshSupport === true;
    return { workspaceSymbolProvider: true, definitionProvider: true, inlayHintProvider: { resolveProvider: true } };
  }

  /** Ask the client for inlay hints again (a setting or the glossary changed), if it can be asked. */
  refresh(): void {
    if (this.refreshSupport) void this.o.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  listen(request: Guard): void {
    const { connection, open } = this.o;
    connection.onWorkspaceSymbol(
      request('workspace/symbol', async (params: { query?: unknown } | null) => {
        const query = params?.query;
        if (typeof query !== 'string') throw invalidParams('{ query: string }');
        await this.o.loaded();
        return workspaceSymbols(this.o.glossary(), query.slice(0, 200), this.places);
      }) as never,
    );

    connection.onDefinition(
      request('textDocument/definition', async (params: unknown) => {
        const { uri, position } = documentPosition(params);
        await this.o.loaded();
        const doc = open.get(uri);
        if (!doc) return null;
        const glossary = this.o.glossary();
        return definition(glossary, doc, position, open.indexOf(doc, glossary.index, this.o.matchOptions()), this.places, this.linkSupport);
      }) as never,
    );

    connection.onRequest(
      EntryDocumentRequest,
      request(EntryDocumentRequest.method, async (params: { uri?: unknown } | null) => {
        if (typeof params?.uri !== 'string') throw invalidParams('{ uri }');
        const id = entryIdOf(params.uri);
        if (id === undefined) return null;
        await this.o.loaded();
        const glossary = this.o.glossary();
        // a view is of a bundled entry (a user's entry opens in its own file)
        const entry = glossary.entries.find((e) => e.id === id && !glossary.sourceOf(e));
        return entry ? entryText(glossary, entry, this.o.words()) : null;
      }) as never,
    );

    connection.languages.inlayHint.on(
      request('textDocument/inlayHint', async (params: { textDocument?: { uri?: unknown }; range?: unknown } | null) => {
        const uri = params?.textDocument?.uri;
        const range = rangeArg(params?.range);
        if (typeof uri !== 'string' || !range) throw invalidParams('{ textDocument: { uri }, range }');
        await this.o.loaded();
        const doc = open.get(uri);
        if (!doc || !this.o.settings().inlayHints.enable) return null;
        const glossary = this.o.glossary();
        const index = open.indexOf(doc, glossary.index, this.o.matchOptions());
        const tooltip = this.resolveTooltip ? undefined : (offset: number) => this.cardAt(doc, offset);
        // code, URLs and fences from the searches kept across edits (as term QA finds them)
        const skipped = skippedRanges(textOf(doc), doc.languageId === 'markdown', open.anchorsOf(doc).find);
        return inlayHints(glossary, doc, range, index, this.o.scriptOf(doc), skipped, tooltip);
      }) as never,
    );

    connection.languages.inlayHint.resolve(
      request('inlayHint/resolve', async (hint: InlayHint | null) => {
        if (!hint || typeof hint !== 'object' || !hint.position) throw invalidParams('an inlay hint');
        const data = hint.data as Partial<GlossData> | undefined;
        if (typeof data?.uri !== 'string' || typeof data.offset !== 'number' || !Number.isInteger(data.offset)) return hint;
        await this.o.loaded();
        const doc = open.get(data.uri);
        // an edit since the hint was made: the next inlayHint request brings fresh ones
        if (!doc || doc.version !== data.version || data.offset < 0) return hint;
        const card = this.cardAt(doc, data.offset);
        return card ? { ...hint, tooltip: card } : hint;
      }) as never,
    );
  }

  private cardAt(doc: TextDocument, offset: number): MarkupContent | undefined {
    const contents = this.o.card(doc, doc.positionAt(offset))?.contents;
    return contents && typeof contents === 'object' && 'kind' in contents ? contents : undefined;
  }
}

function invalidParams(expected: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `invalid params: expected ${expected}`);
}

/** The document and position of a text document request; malformed params are an InvalidParams error. */
function documentPosition(params: unknown): { uri: string; position: Position } {
  const p = params as { textDocument?: { uri?: unknown }; position?: unknown } | null;
  const uri = p?.textDocument?.uri;
  if (typeof uri !== 'string' || !isPosition(p?.position))
    throw invalidParams('{ textDocument: { uri }, position: { line, character } } with non-negative integer line and character');
  return { uri, position: { line: p.position.line, character: p.position.character } };
}
