/**
 * The workspace's files through the client (`ClientFiles` requests, answered with `workspace.fs`),
 * for a server that cannot read them itself: the Web Worker build. Core: no `node:` module.
 */
import type { Connection } from 'vscode-languageserver';
import { ClientFiles } from './protocol';
import type { FileAccess } from './termbases';

export function clientFiles(connection: Connection): FileAccess {
  return {
    async read(uri) {
      const answer = await connection.sendRequest(ClientFiles.read, { uri });
      if (!answer || typeof answer.text !== 'string') throw new Error(`no such file: ${uri}`);
      return answer.text;
    },
    async exists(uri) {
      return (await connection.sendRequest(ClientFiles.exists, { uri })) === true;
    },
    async write(uri, text) {
      await connection.sendRequest(ClientFiles.write, { uri, text });
    },
    async find(folderUri, accept, limit = 200_000, globs = ['**/*']) {
      const found = await connection.sendRequest(ClientFiles.find, { folderUri, globs, limit });
      const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
      // the client's answer is checked like any input: files under the folder that the settings match
      return (Array.isArray(found) ? found : []).filter((uri): uri is string => {
        if (typeof uri !== 'string' || !uri.startsWith(base)) return false;
        try {
          return accept(decodeURIComponent(uri.slice(base.length)));
        } catch {
          return false;
        }
      });
    },
  };
}
