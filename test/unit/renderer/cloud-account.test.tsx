// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutUsageChart } from '../../../renderer/src/features/cloud/account/usage-chart';
import { searchFaq } from '../../../renderer/src/features/cloud/help/faq-search';
import { SafeMarkdown } from '../../../renderer/src/features/cloud/help/SafeMarkdown';
import { supportFormErrors } from '../../../renderer/src/features/cloud/help/SupportForm';

afterEach(cleanup);

const month = (start: string, requests: number | null) => ({
  periodStart: start,
  periodEnd: null,
  requests: requests as number,
  storageBytes: null,
  aiTokensUsed: requests,
});

describe('usage history chart layout', () => {
  const box = { width: 300, height: 120, labelHeight: 20, gap: 10 };

  it('puts the oldest month left and scales to the higher of the busiest month and the limit', () => {
    const { bars, limitY, max } = layoutUsageChart(
      [month('2025-03-01T00:00:00Z', 50), month('2025-01-01T00:00:00Z', 200), month('2025-02-01T00:00:00Z', 0)],
      'requests',
      100,
      box,
    );
    expect(bars.map((b) => b.label)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(max).toBe(200);
    expect(bars[0]).toMatchObject({ height: 100, y: 0, over: true });
    expect(bars[1]!.height).toBe(0);
    expect(bars[2]).toMatchObject({ height: 25, over: false });
    expect(limitY).toBe(50);
  });

  it('draws no bar for a month the cloud left without a value, and no line without a limit', () => {
    const { bars, limitY } = layoutUsageChart([month('2025-01-01T00:00:00Z', null)], 'aiTokensUsed', null, box);
    expect(bars[0]).toMatchObject({ value: null, height: 0 });
    expect(limitY).toBeNull();
  });
});

describe('FAQ search', () => {
  const items = [
    { id: '1', question: 'How do I upgrade my plan?', answer: 'Checkout opens in the browser.', category: 'Billing' },
    {
      id: '2',
      question: 'What is MockForge Cloud?',
      answer: 'It hosts mocks; you can upgrade later.',
      category: 'Getting Started',
    },
    { id: '3', question: 'Déploiement', answer: 'Deploy a project.', category: 'Features' },
  ];
  it('needs every word, ranks question matches first, ignores case and accents', () => {
    expect(searchFaq(items, 'UPGRADE', null).map((i) => i.id)).toEqual(['1', '2']);
    expect(searchFaq(items, 'upgrade browser', null).map((i) => i.id)).toEqual(['1']);
    expect(searchFaq(items, 'deploiement', null).map((i) => i.id)).toEqual(['3']);
    expect(searchFaq(items, '', 'Billing').map((i) => i.id)).toEqual(['1']);
    expect(searchFaq(items, 'upgrade', 'Getting Started').map((i) => i.id)).toEqual(['2']);
  });
});

describe('legal documents render as safe Markdown', () => {
  it('renders no raw HTML, no script, no image, and only http(s) links, opened outside the app', () => {
    const { container } = render(
      <SafeMarkdown>
        {[
          '# Title',
          '<script>window.pwned = 1</script><b onclick="x()">bold html</b>',
          '[ok](https://mockforge.dev/privacy) [js](javascript:alert(1)) [creds](https://a@evil.example/)',
          '![tracker](https://evil.example/pixel.png)',
          '| a | b |\n| - | - |\n| 1 | 2 |',
        ].join('\n\n')}
      </SafeMarkdown>,
    );
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect(container.querySelector('script, b, img, [onclick]')).toBeNull();
    expect(container.innerHTML).not.toContain('<script');
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://mockforge.dev/privacy']);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
    expect(container.textContent).toContain('js'); // the refused link keeps its text
    expect(container.querySelector('table td')?.textContent).toBe('1'); // GFM tables
  });
});

describe('support form checks', () => {
  it('names what is missing before sending', () => {
    const base = { category: 'technical' as const, priority: 'high' as const };
    expect(supportFormErrors({ ...base, subject: ' ', message: 'short' })).toEqual({
      subject: 'Give your request a subject.',
      message: 'Describe the problem in at least 10 characters.',
    });
    expect(supportFormErrors({ ...base, subject: 'Deploy', message: 'My deployment fails.' })).toEqual({});
  });
});
