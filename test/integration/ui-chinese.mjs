// The Chinese interface in the real UI, with VS Code's display language set to 中文(简体)
// (chineseDisplayLanguage in code-server.mjs, and code-server started with --locale zh-cn): our
// command titles in the command palette (package.nls.zh-cn.json), the card's own words and term QA's
// message and quick fix (the server's words, chosen from the `locale` the client sends). Used by
// run-code-server.mjs. Every expected text is written here by hand.
import { hoverUntilCard, openFromExplorer, wordCentre } from './code-server.mjs';
import { TERM_QA_FILE } from './ui-term-qa.mjs';

const PALETTE_ENTRY = '金融科技术语: 将文档转换为台湾正体 (zh-TW)';
const CARD_WORDS = ['例句', '打开来源段落'];
const MIXED_SCRIPT_MESSAGE = '“区塊鏈”（blockchain）混用了简体字和繁体字，应写作“區塊鏈”。';
const FIX_TITLE = '替换为“區塊鏈”';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const appears = (locator, timeout) =>
  locator.waitFor({ timeout }).then(
    () => true,
    () => false,
  );

/** Runs the checks on `page` with the workspace open; returns [{ name, ok, detail }]. */
export async function chineseUiChecks(page, { log = () => {} } = {}) {
  const results = [];
  const record = (name, ok, detail) => {
    results.push({ name, ok, detail });
    log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  };

  // the card, hovered with the mouse
  const line = await openFromExplorer(page, 'sample.txt', '区块链');
  const found = await hoverUntilCard(page, await wordCentre(line, '区块链'), '區塊鏈');
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property
  const card = found ? await found.card.innerText() : '';
  const missing = CARD_WORDS.filter((w) => !card.includes(w));
  record(
    `the card's own words are Chinese (${CARD_WORDS.join(', ')})`,
    !!found && !missing.length,
    missing.length ? JSON.stringify(card.slice(0, 200)) : '',
  );
  await page.keyboard.press('Escape');

  // term QA: the message in the Problems panel and the quick fix's title
  await openFromExplorer(page, TERM_QA_FILE, '這家銀行');
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: MIXED_SCRIPT_MESSAGE }).first();
  const shown = await appears(row, 60_000);
  const messages = shown ? [] : await page.locator('.markers-panel .marker-message').allInnerTexts();
  record('the Problems panel shows the mixed-script finding in Chinese', shown, shown ? '' : JSON.stringify(messages));
  const qaLine = page.locator('.editor-instance .view-line', { hasText: '区塊鏈' }).first();
  const at = await wordCentre(qaLine, '区塊鏈');
  await page.mouse.click(at.x, at.y);
  await sleep(500);
  let offered = false;
  let titles = [];
  for (let attempt = 0; attempt < 5 && !offered; attempt++) {
    await page.keyboard.press('Control+Period');
    offered = await appears(page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE }).first(), 8000);
    if (!offered) titles = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
    // close the menu before trying again: Ctrl+. in an open menu would apply its preferred fix
    await page.keyboard.press('Escape');
  }
  record(`Ctrl+. offers ${FIX_TITLE}`, offered, offered ? '' : JSON.stringify(titles));

  // our commands in the command palette
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill('>金融科技术语');
  const entry = await appears(page.locator('.quick-input-widget .monaco-list-row', { hasText: PALETTE_ENTRY }).first(), 10_000);
  const rows = entry ? [] : await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
  record(`the command palette lists ${PALETTE_ENTRY}`, entry, entry ? '' : JSON.stringify(rows));
  await page.keyboard.press('Escape');
  return results;
}
