// The variant directive as writers of Chinese type it: with a full-width colon from a Chinese
// input method, before a Taiwan text whose regional words it makes checked.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { variantDirective } from '../../server/src/engine/directives';
import { convertDocument } from '../../server/src/engine/convertText';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

describe('a variant directive typed with a full-width colon', () => {
  it('names the variant, with where its value is', () => {
    const text = '<!-- fintech-glossary-variant：zh-TW -->\n軟件開發\n';
    expect(variantDirective(text)).toEqual({ variant: 'zh-TW', offset: 5, valueStart: 30, valueEnd: 35 });
    expect(variantDirective('# fintech-glossary-variant ： zh-HK\n')?.variant).toBe('zh-HK');
    // an ideographic space around it too
    expect(variantDirective('fintech-glossary-variant\u3000：\u3000zh-Hant\n')?.variant).toBe('zh-Hant');
  });

  it('is retargeted by a conversion of the document, its colon kept', () => {
    const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));
    const text = '# fintech-glossary-variant：zh-Hans\n软件开发\n';
    expect(convertDocument(text, 'zh-TW', glossary)).toBe('# fintech-glossary-variant：zh-TW\n軟體開發\n');
  });

  it('a colon of another kind, or none, is no directive', () => {
    expect(variantDirective('fintech-glossary-variant zh-TW\n')).toBeUndefined();
    expect(variantDirective('fintech-glossary-variant; zh-TW\n')).toBeUndefined();
  });
});
