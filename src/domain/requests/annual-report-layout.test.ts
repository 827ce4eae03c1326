// The annual report's HTML download: a unit name is typed by staff, so the stand-alone file escapes it wherever it
// appears (the <title> too: a name closing it would otherwise run a script when the file is opened).
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/fixtures/annual-reports/annual-report-sample';
import { renderLayoutDocument, reportLayout } from './annual-report-layout';

describe('renderLayoutDocument', () => {
  it('escapes a hostile unit name in the title and the heading', () => {
    const unit = '</title><script>window.__xss=1</script><img src=x onerror=alert(1)>';
    const html = renderLayoutDocument(reportLayout({ ...sampleReport(), unit }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toMatch(/<h1>&lt;\/title&gt;&lt;script&gt;.*年政府信息公开工作年度报告<\/h1>/);
  });
});
