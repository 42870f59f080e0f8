import { BusinessRuleError } from '@halooid/shared/errors';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { labelPdf, labelSvg } from './label';

const content = {
  title: 'Hex bolt M8 × 40 <zinc> & "washers"',
  subtitle: 'SKU BOLT-M8-40',
  value: 'BOLT-M8-40',
};

describe('labelSvg', () => {
  it('is well-formed XML with the texts escaped and both symbols drawn', () => {
    const svg = labelSvg(content);

    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('&lt;zinc&gt; &amp; &quot;washers&quot;');
    expect(svg.match(/<g transform=/g)).toHaveLength(2);
    expect(svg).not.toContain('<script');
  });

  it('refuses a value Code 128 cannot carry with a 422', () => {
    expect(() => labelSvg({ ...content, value: 'Ärmel-7' })).toThrow(BusinessRuleError);
  });
});

describe('labelPdf', () => {
  it('is a complete PDF, non-Latin text included', async () => {
    const bytes = await labelPdf({ ...content, title: 'Чай 茶 tea' }, new Date('2026-01-01T00:00:00Z'));
    const text = Buffer.from(bytes).toString('latin1');

    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });
});
