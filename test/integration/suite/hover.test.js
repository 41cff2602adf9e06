'use strict';
const assert = require('node:assert');
const { openSample, positionOf, hoverTexts, hoverUntil, waitForActivation } = require('./helpers');

// A card from us names the term in Chinese and English; used to tell "no card from us" from other hovers.
const looksLikeGlossaryCard = (t) => /[\u4e00-\u9fff]/.test(t) && /[A-Za-z]{3,}/.test(t);

suite('hover', () => {
  suiteSetup(async () => {
    await openSample('sample.txt');
    await waitForActivation();
  });

  test('simplified Chinese term 区块链 shows the traditional form and the English term', async () => {
    const doc = await openSample('sample.txt');
    const pos = positionOf(doc, '区块链', 1); // cursor on 块
    const card = await hoverUntil(doc.uri, pos, (ts) => ts.some((t) => t.includes('區塊鏈')), 'hover on 区块链');
    assert.match(card, /區塊鏈/);
    assert.match(card, /blockchain/i);
  });

  test('the 区块链 card has the English definition', async () => {
    const doc = await openSample('sample.txt');
    const pos = positionOf(doc, '区块链', 1);
    const card = await hoverUntil(doc.uri, pos, (ts) => ts.some((t) => t.includes('區塊鏈')), 'hover on 区块链');
    // glossary/entries/blockchain.yaml, definitionEn (a stretch without punctuation, which the card escapes)
    assert.ok(
      card.includes('in which transactions are grouped into cryptographically chained blocks so that recorded data cannot be altered'),
      `no English definition in ${JSON.stringify(card)}`,
    );
  });

  test('mixed-script 区塊鏈, listed nowhere as a variant, finds the blockchain card', async () => {
    const doc = await openSample('sample.txt');
    const pos = positionOf(doc, '区塊鏈', 1);
    const card = await hoverUntil(doc.uri, pos, (ts) => ts.some((t) => t.includes('區塊鏈')), 'hover on 区塊鏈');
    assert.match(card, /\*\*区块链\*\* · 區塊鏈 · blockchain/);
  });

  test('English term "blockchain" shows its Chinese equivalent', async () => {
    const doc = await openSample('sample.txt');
    const pos = positionOf(doc, 'blockchain ledgers', 3);
    const card = await hoverUntil(doc.uri, pos, (ts) => ts.some((t) => t.includes('区块链')), 'hover on blockchain');
    assert.match(card, /区块链/);
  });

  test('acronym KYC gets a card', async () => {
    const doc = await openSample('sample.txt');
    const pos = positionOf(doc, 'KYC checks', 1);
    const card = await hoverUntil(doc.uri, pos, (ts) => ts.some(looksLikeGlossaryCard), 'hover on KYC');
    assert.match(card, /KYC|know your (customer|client)/i);
  });

  test('traditional Chinese 區塊鏈 in a markdown file resolves to the same entry', async () => {
    const doc = await openSample('sample.md');
    const pos = positionOf(doc, '區塊鏈在', 1);
    const card = await hoverUntil(doc.uri, pos, (ts) => ts.some((t) => t.includes('区块链')), 'hover on 區塊鏈');
    assert.match(card, /blockchain/i);
  });

  test('a word that is not a term gets no card from us', async () => {
    const doc = await openSample('sample.txt');
    // the server is known to be up: the term hovers above answered
    await hoverUntil(doc.uri, positionOf(doc, '区块链', 1), (ts) => ts.length > 0, 'hover on 区块链');
    for (const [needle, offset] of [
      ['weather', 2],
      ['Shanghai', 3],
    ]) {
      const texts = await hoverTexts(doc.uri, positionOf(doc, needle, offset));
      assert.deepStrictEqual(texts, [], `hover on "${needle}" returned ${JSON.stringify(texts)}`);
    }
  });
});
