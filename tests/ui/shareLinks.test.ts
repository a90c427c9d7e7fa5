import { describe, expect, it } from 'vitest';
import { embedSnippet, viewLinks } from '../../src/ui/shareLinks.ts';

describe('share links', () => {
  it('gives the view’s link without and with the embed flag, dropping any fragment', () => {
    const { link, embed } = viewLinks('https://council.example/crime/?x=1#top', '?category=Burglary&embed=1&period=fy2018');
    expect(link).toBe('https://council.example/crime/?category=Burglary&period=fy2018');
    expect(embed).toBe('https://council.example/crime/?category=Burglary&period=fy2018&embed=1');
  });

  it('escapes the address and title in the iframe code', () => {
    const snippet = embedSnippet('https://x.example/?a=1&b="2"', 'St Mary\'s <test>');
    expect(snippet).toBe(
      '<iframe src="https://x.example/?a=1&amp;b=&quot;2&quot;" title="Crime map: St Mary\'s &lt;test>" width="100%" height="560" style="border: 0" loading="lazy"></iframe>',
    );
  });
});
