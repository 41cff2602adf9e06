/**
 * The one module both sides import: command and request names, and the settings shape.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Script } from './engine/convert';

export const SETTINGS_SECTION = 'fintechGlossary';

export interface Settings {
  /** Extra language ids served besides plaintext and markdown (client side only). */
  languages: string[];
  preferredScript: Script;
  hover: { enable: boolean };
  completion: { enable: boolean };
  matchAcronymsCaseInsensitive: boolean;
}

export const defaultSettings: Settings = {
  languages: [],
  preferredScript: 'zh-Hans',
  hover: { enable: true },
  completion: { enable: true },
  matchAcronymsCaseInsensitive: false,
};

export const DEFAULT_LANGUAGES = ['plaintext', 'markdown'];

export const Commands = {
  lookup: 'fintechGlossary.lookup',
  restartServer: 'fintechGlossary.restartServer',
} as const;

export interface LookupParams {
  term: string;
}

export interface LookupItem {
  id: string;
  zhHans: string;
  zhHant: string;
  zhTw?: string;
  zhHk?: string;
  en: string[];
  abbr: string[];
  definitionEn: string;
  definitionZh: string;
  /** The card as markdown, for display. */
  markdown: string;
}

/** Look a term up (exact match first, then prefix), for the command palette. */
export const LookupRequest = new RequestType<LookupParams, LookupItem[], void>('fintechGlossary/lookup');
