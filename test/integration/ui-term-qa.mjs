// Term QA in the real UI (code-server's workbench, driven by Chromium), as a user meets it: the
// diagnostic in the Problems panel, its quick fix from Ctrl+., a conversion from the command palette
// and the variant's status-bar item with its quick pick. Used by run-code-server.mjs (the test) and by
// scripts/screenshots.mjs (docs/term-qa.png). The document is edited but never saved.
//
// Every expectation below is written by hand from the glossary (glossary/entries), not computed by the
// server: the document is test/integration/workspace/term-qa.md, a Taiwan document (its directive says
// zh-TW) with a mixed-script 区塊鏈 on line 4 and mainland vocabulary on line 5.

import { openFromExplorer, wordCentre } from './code-server.mjs';

export const TERM_QA_FILE = 'term-qa.md';

/** The finding on line 4, as the Problems panel shows it: message, source, code. */
export const MIXED_SCRIPT = {
  message: '“区塊鏈” mixes simplified and traditional characters (blockchain): write “區塊鏈”.',
  source: 'fintech-glossary',
  code: 'mixed-script',
  fix: 'Replace with “區塊鏈”',
};
const LINE4_BEFORE = '這家銀行以区塊鏈記錄每筆交易。';
const LINE4_FIXED = '這家銀行以區塊鏈記錄每筆交易。';
const LINE5_BEFORE = '另一份稿件写道:银行账户与数字货币。';
// Taiwan forms of 银行账户 and 数字货币 (glossary: 銀行帳戶, 數位貨幣); OpenCC alone writes 銀行賬戶與數字貨幣
const LINE5_TAIWAN = '另一份稿件寫道:銀行帳戶與數位貨幣。';
const CONVERT_TITLE = 'Fintech Glossary: Convert Document to 臺灣正體 (zh-TW)';
const STATUS_TEXT = '臺灣正體 zh-TW';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rendered editor lines, top to bottom (the view renders whitespace as no-break spaces). */
export async function editorLines(page) {
  return page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .evaluate((el) =>
      [...el.querySelectorAll('.view-line')]
        .map((l) => ({ top: Number.parseFloat(l.style.top) || 0, text: l.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
}

/** Wait until the editor shows `want` on some line (and, if given, no line with `gone`). */
async function waitForLine(page, want, gone, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let lines = [];
  while (Date.now() < deadline) {
    lines = await editorLines(page);
    if (lines.includes(want) && (!gone || !lines.includes(gone))) return { ok: true, lines };
    await sleep(300);
  }
  return { ok: false, lines };
}

/** The Problems panel's rows for markers, as { message, source, code } read from the DOM. */
async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
    rows
      .filter((r) => r.querySelector('.marker-message'))
      .map((r) => ({
        message: r.querySelector('.marker-message')?.textContent ?? '',
        source: r.querySelector('.marker-source')?.textContent ?? '',
        code: r.querySelector('.marker-code')?.textContent ?? '',
      })),
  );
}

/**
 * Runs the checks on `page`, with the workspace folder already open (term-qa.md unopened and
 * unchanged). Returns [{ name, ok, detail }]. With `screenshot(name)` given, it is awaited at the
 * moment worth a picture ('quick-fix': the Problems panel and the quick-fix menu open).
 */
export async function termQaChecks(page, { log = () => {}, screenshot } = {}) {
  const results = [];
  const record = (name, ok, detail) => {
    results.push({ name, ok, detail });
    log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
    return ok;
  };

  await openFromExplorer(page, TERM_QA_FILE, LINE4_BEFORE.slice(0, 4));

  // 1. The Problems panel lists the finding with our source and code (the server starts on the first
  //    served document, so wait for it).
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.first().waitFor({ timeout: 20_000 });
  let rows = [];
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    rows = await problemRows(page);
    if (rows.some((r) => r.code === MIXED_SCRIPT.code)) break;
    await sleep(500);
  }
  const shown = rows.find((r) => r.code === MIXED_SCRIPT.code);
  record(
    'Problems panel shows the mixed-script finding',
    !!shown && shown.message === MIXED_SCRIPT.message && shown.source === MIXED_SCRIPT.source,
    shown ? JSON.stringify(shown) : `rows: ${JSON.stringify(rows)}`,
  );
  record(
    'Problems panel shows the two regional-variant findings of line 5',
    rows.filter((r) => r.code === 'regional-variant' && r.source === 'fintech-glossary').length === 2,
    JSON.stringify(rows.map((r) => r.code)),
  );

  // 2. The status bar shows the variant the directive sets.
  const status = page.locator('.statusbar-item', { hasText: STATUS_TEXT }).first();
  const statusShown = await status.waitFor({ timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  record(`status bar shows ${STATUS_TEXT}`, statusShown);

  // 3. The quick fix: select the finding in the Problems panel (the editor's cursor goes to it), then
  //    Ctrl+. in the editor and pick our action.
  if (!shown) record('quick fix replaces 区塊鏈 with 區塊鏈', false, 'no finding to fix');
  else {
    // a click on the term puts the cursor inside the diagnostic's range
    const line = page.locator('.editor-instance .view-line', { hasText: LINE4_BEFORE }).first();
    const at = await wordCentre(line, '区塊鏈');
    await page.mouse.click(at.x, at.y);
    await sleep(500);
    const menu = page.locator('.action-widget');
    let item;
    for (let attempt = 0; attempt < 5 && !item; attempt++) {
      await page.keyboard.press('Control+Period');
      const candidate = menu.locator('.monaco-list-row', { hasText: MIXED_SCRIPT.fix }).first();
      if (
        await candidate.waitFor({ timeout: 8000 }).then(
          () => true,
          () => false,
        )
      )
        item = candidate;
      else await page.keyboard.press('Escape');
    }
    if (item) {
      await sleep(400);
      if (screenshot) await screenshot('quick-fix');
      await item.click();
      const fixed = await waitForLine(page, LINE4_FIXED, LINE4_BEFORE);
      record('quick fix replaces 区塊鏈 with 區塊鏈', fixed.ok, fixed.ok ? '' : JSON.stringify(fixed.lines));
      // the server re-checks after the edit: wait for the re-published diagnostics
      let after = [];
      for (const until = Date.now() + 15_000; Date.now() < until; await sleep(300)) {
        after = await problemRows(page);
        if (!after.some((r) => r.code === MIXED_SCRIPT.code)) break;
      }
      record(
        'the fixed finding leaves the Problems panel',
        fixed.ok && !after.some((r) => r.code === MIXED_SCRIPT.code),
        JSON.stringify(after.map((r) => r.code)),
      );
    } else {
      const offered = await menu
        .locator('.monaco-list-row')
        .allInnerTexts()
        .catch(() => []);
      record(`Ctrl+. offers “${MIXED_SCRIPT.fix}”`, false, `menu: ${JSON.stringify(offered)}`);
    }
  }

  // 4. Conversion from the command palette.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${CONVERT_TITLE}`);
  const entry = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Convert Document to 臺灣正體' }).first();
  const offered = await entry.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (offered) {
    await page.keyboard.press('Enter');
    const converted = await waitForLine(page, LINE5_TAIWAN, LINE5_BEFORE);
    record('Convert Document to 臺灣正體 writes the Taiwan forms', converted.ok, converted.ok ? '' : JSON.stringify(converted.lines));
    // a Taiwan document in Taiwan forms has nothing left to report
    let left = [];
    for (const until = Date.now() + 15_000; Date.now() < until; await sleep(300)) {
      left = (await problemRows(page)).filter((r) => r.source === MIXED_SCRIPT.source);
      if (!left.length) break;
    }
    record('after the conversion the Problems panel lists none of our findings', converted.ok && !left.length, JSON.stringify(left));
  } else {
    record(`the command palette offers ${CONVERT_TITLE}`, false);
    await page.keyboard.press('Escape');
  }

  // 5. Clicking the status-bar item opens the variant quick pick.
  if (statusShown) {
    await status.click();
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Check as' }).first();
    const opened = await pick.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    const labels = opened ? await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts() : [];
    record(
      'clicking the status-bar item opens the variant quick pick',
      opened && labels.some((l) => l.includes('Convert Document to 香港繁體')),
      JSON.stringify(labels.map((l) => l.split('\n')[0])),
    );
    await page.keyboard.press('Escape');
  }
  return results;
}
