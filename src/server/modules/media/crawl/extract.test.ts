import { describe, expect, it } from 'vitest';
import { analyseSite, type PageModel } from '../../../../domain/media';
import { extractPage } from './extract';

const BASE = 'http://site.test/';

describe('extractPage', () => {
  it('reads list rows in li, tr and div, the longest link as the title, dates beside it', () => {
    const p = extractPage(
      `<html><head><title>工作动态_示例县</title></head><body>
       <div class="crumb">当前位置：首页 &gt; 新闻中心 &gt; 工作动态</div>
       <ul><li><a href="/a/">[动态]</a> <a href="a1.html">县里召开冬季工作会议</a> <span>2026-11-20</span></li></ul>
       <table><tr><td><a href="a2.html">乡镇推进秸秆禁烧工作</a></td><td>2026年11月18日</td></tr></table>
       <div class="item"><span class="d">11-16</span><a href="a3.html">区应急局开展演练活动</a></div>
       <div class="item"><a href="a4.html">区人社局举办招聘会</a><em>2026/11/15</em></div>
       <p><a href="/about.html">关于我们的介绍页面</a></p></body></html>`,
      `${BASE}gzdt/`,
    );
    expect(p.columnName).toBe('工作动态');
    expect(p.entries.map((e) => [e.href.replace(BASE, '/'), e.title, e.date ?? e.rest])).toEqual([
      ['/gzdt/a1.html', '县里召开冬季工作会议', '2026-11-20'],
      ['/gzdt/a2.html', '乡镇推进秸秆禁烧工作', '2026-11-18'],
      ['/gzdt/a3.html', '区应急局开展演练活动', '11-16'],
      ['/gzdt/a4.html', '区人社局举办招聘会', '2026-11-15'],
    ]);
  });

  it('reads 发布日期, label/value fields, meta ColumnName and empty lists', () => {
    const p = extractPage(
      `<html><head><meta name="ColumnName" content="政务咨询"></head><body><h1>问题</h1>
       <p>发布时间：2026年6月3日 来源：区政府</p>
       <table><tr><th>留言时间</th><td>2026-06-03 19:12</td></tr><tr><th>答复内容</th><td></td></tr></table>
       <dl><dt>答复单位</dt><dd>区城管局</dd></dl><ul></ul></body></html>`,
      BASE,
    );
    expect(p.columnName).toBe('政务咨询');
    expect(p.title).toBe('问题');
    expect(p.publishedDate).toBe('2026-06-03');
    expect(p.fields).toEqual(
      expect.arrayContaining([
        { label: '留言时间', value: '2026-06-03 19:12' },
        { label: '答复内容', value: '' },
        { label: '答复单位', value: '区城管局' },
      ]),
    );
    expect(p.emptyLists).toBe(1);
  });
});

describe('analyseSite: what is and is not a 办事指南', () => {
  const page = (url: string, html: string): PageModel => extractPage(html, url);
  const check = (pages: PageModel[]) =>
    analyseSite({
      site: BASE,
      home: BASE,
      asOf: '2026-12-01',
      reachable: true,
      pages,
      brokenLinks: [],
    }).findings.filter((f) => f.kind === 'incomplete_guide');
  const home = page(
    BASE,
    '<html><body><p>主办单位 联系电话 网站标识码 ICP备1号 公网安备1号</p></body></html>',
  );
  it.each([
    [
      'a label table of 3 elements, 5 missing',
      '<table><tr><th>事项名称</th><td>x</td></tr><tr><th>办理材料</th><td>x</td></tr><tr><th>联系电话</th><td>x</td></tr></table>',
      1,
    ],
    [
      'a notice with two element paragraphs',
      '<p>一、申请条件：年满18周岁</p><p>二、办理流程：现场报名</p>',
      0,
    ],
    [
      'a complete guide table',
      `<table>${['事项名称', '设定依据', '受理条件', '申请材料', '办理地点', '办理时间', '咨询电话', '办理流程'].map((l) => `<tr><th>${l}</th><td>x</td></tr>`).join('')}</table>`,
      0,
    ],
  ])('%s → %i', (_, body, n) => {
    expect(check([home, page(`${BASE}x.html`, `<html><body>${body}</body></html>`)])).toHaveLength(n);
  });
});

describe('analyseSite: 政务咨询 messages in other markup', () => {
  const page = (url: string, html: string): PageModel => extractPage(html, url);
  const meta = '<meta name="ColumnName" content="政务咨询">';
  const run = (pages: PageModel[]) =>
    analyseSite({ site: BASE, home: BASE, asOf: '2026-12-01', reachable: true, pages, brokenLinks: [] })
      .findings.filter((f) => f.kind === 'unanswered_message')
      .map((f) => f.page.replace(BASE, '/'));
  const home = page(BASE, '<html><body><p>首页</p></body></html>');
  const list = page(
    `${BASE}zx/`,
    `<html><head>${meta}</head><body><table>
     <tr><td><a href="m1.html">路灯不亮何时修</a></td><td>2026-05-01</td><td>已回复</td></tr>
     <tr><td><a href="m2.html">公交线路调整</a></td><td>2026-05-02</td><td>未回复</td></tr>
     <tr><td><a href="m3.html">学校划片咨询</a></td><td>2026-05-03</td><td>已回复</td></tr></table></body></html>`,
  );
  it('answer text under a label line counts; the list status decides when the page has no answer fields', () => {
    const m1 = page(
      `${BASE}zx/m1.html`,
      `<html><head>${meta}</head><body><h1>路灯</h1><div>答复内容</div><div>已安排维修。</div></body></html>`,
    );
    const m2 = page(
      `${BASE}zx/m2.html`,
      `<html><head>${meta}</head><body><h1>公交</h1><p>市民来信内容。</p></body></html>`,
    );
    const m3 = page(
      `${BASE}zx/m3.html`,
      `<html><head>${meta}</head><body><h1>学校</h1><p>留言时间：2026-05-03</p><div>答复内容：</div><div>（尚未答复）</div></body></html>`,
    );
    expect(run([home, list, m1, m2, m3])).toEqual(['/zx/m2.html', '/zx/m3.html']);
  });
});
