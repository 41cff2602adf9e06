// The deprecated `rootPath` of `initialize` as the workspace folder's URI: the forms a path takes on
// POSIX and Windows, each segment percent-encoded as the server's other URIs are.
import { describe, expect, it } from 'vitest';
import { fileUriOfPath } from '../../server/src/termbases';

describe('fileUriOfPath', () => {
  it.each([
    ['/home/lin/金融 docs', 'file:///home/lin/%E9%87%91%E8%9E%8D%20docs'],
    ['/home/lin/project/', 'file:///home/lin/project'],
    ['/', 'file:///'],
    ['C:\\Users\\lin\\docs', 'file:///C:/Users/lin/docs'],
    ['d:/work/a#b', 'file:///d:/work/a%23b'],
    ['\\\\server\\share\\terms', 'file://server/share/terms'],
  ])('%s → %s', (path, uri) => {
    expect(fileUriOfPath(path)).toBe(uri);
  });

  it.each([['docs/project'], ['.'], ['']])('a relative path (%j) names no folder', (path) => {
    expect(fileUriOfPath(path)).toBeUndefined();
  });
});
