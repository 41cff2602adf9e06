/**
 * The workspace's files for a server that cannot read them (the Web Worker build): the client
 * answers the server's `ClientFiles` requests with `workspace.fs` and `workspace.findFiles`, which
 * work on any file system VS Code has (disk, vscode-vfs on github.dev, a remote). Only files inside
 * the workspace folders are read or written. Shared code: nothing Node-only.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ClientFiles, decodeBytes } from '../../server/src/protocol';

/** A URI inside one of the workspace folders, or an error saying it is not. */
function inWorkspace(value: unknown): vscode.Uri {
  if (typeof value !== 'string') throw new Error('expected { uri: string }');
  const uri = vscode.Uri.parse(value, true);
  if (!vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`not in a workspace folder: ${value.slice(0, 200)}`);
  return uri;
}

const notFound = (err: unknown) => err instanceof vscode.FileSystemError && err.code === 'FileNotFound';

export function serveFiles(client: BaseLanguageClient): void {
  client.onRequest(ClientFiles.read, async ({ uri }) => {
    try {
      return { text: decodeBytes(await vscode.workspace.fs.readFile(inWorkspace(uri))) };
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  });
  client.onRequest(ClientFiles.exists, async ({ uri }) => {
    try {
      await vscode.workspace.fs.stat(inWorkspace(uri));
      return true;
    } catch {
      return false;
    }
  });
  client.onRequest(ClientFiles.isDirectory, async ({ uri }) => {
    try {
      return ((await vscode.workspace.fs.stat(inWorkspace(uri))).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  });
  client.onRequest(ClientFiles.write, async ({ uri, text }) => {
    const target = inWorkspace(uri);
    if (typeof text !== 'string') throw new Error('expected { uri, text: string }');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    return null;
  });
  client.onRequest(ClientFiles.find, async ({ folderUri, globs, limit }) => {
    const folder = inWorkspace(folderUri);
    const patterns = (Array.isArray(globs) ? globs : []).filter((g): g is string => typeof g === 'string' && !!g);
    if (!patterns.length) return [];
    const include = new vscode.RelativePattern(folder, patterns.length === 1 ? patterns[0]! : `{${patterns.join(',')}}`);
    const max = Number.isInteger(limit) && limit > 0 ? limit : 10_000;
    const found = await vscode.workspace.findFiles(include, '**/node_modules/**', max);
    return found.map((u) => u.toString());
  });
}
