/**
 * The workspace's files through the client (`ClientFiles` requests, answered with `workspace.fs`),
 * for a server that cannot read them itself: the Web Worker build. Core: no `node:` module.
 */
import type { Connection } from 'vscode-languageserver';
import { ClientFiles } from './protocol';
import { FIND_LIMIT, type FileAccess } from './termbases';

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
    async isDirectory(uri) {
      try {
        return (await connection.sendRequest(ClientFiles.isDirectory, { uri })) === true;
      } catch {
        // a client that cannot tell: a folder is then found out when it cannot be read
        return false;
      }
    },
    async find(folderUri, accept, limit = FIND_LIMIT, globs = ['**/*'], onLimit) {
      // one more than the limit: an answer that long says the search stopped short, as the Node search says
      const answer = await connection.sendRequest(ClientFiles.find, { folderUri, globs, limit: limit + 1 });
      let found = Array.isArray(answer) ? answer : [];
      if (found.length > limit) {
        onLimit?.();
        found = found.slice(0, limit);
      }
      const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
      // the client's answer is checked like any input: files under the folder that the settings match
      return found.filter((uri): uri is string => {
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
